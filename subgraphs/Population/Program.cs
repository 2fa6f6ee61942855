using Federation.Subgraphs.Population;

PopulationService.Build(args).Run();
