using Federation.Subgraphs.LegalPersons;

LegalPersonsService.Build(args).Run();
