using Federation.Subgraphs.Licences;

LicencesService.Build(args).Run();
