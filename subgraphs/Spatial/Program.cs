using Federation.Subgraphs.Spatial;

SpatialService.Build(args).Run();
