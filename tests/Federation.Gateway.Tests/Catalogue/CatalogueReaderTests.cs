using Federation.Gateway.Catalogue;

namespace Federation.Gateway.Tests.Catalogue;

/// <summary>Reading <c>catalogue.yaml</c>: one test per rule, each error naming its resource and line.</summary>
public sealed class CatalogueReaderTests
{
    private const string Valid = """
        agencies:
          - code: 11330200123456788X
            name: 宁波市公安局
            englishName: Ningbo Municipal Public Security Bureau
            division: "330200"
          - code: 1133020019999999XG
            name: 宁波市市场监督管理局
            englishName: Ningbo Municipal Administration for Market Regulation
            division: "330200"
        subgraphs:
          people: 11330200123456788X
        divisionFields:
          Person: division
        resources:
          - id: people.base
            name: 人口基础信息
            englishName: Person base information
            provider: 11330200123456788X
            class: UNCONDITIONAL
            fields: [Query.person, Person.id]
            format: JSON
            provision: [API, ONLINE_QUERY]
            updateFrequency: REAL_TIME
          - id: people.detail
            name: 人口详细信息
            englishName: Person details
            provider: 11330200123456788X
            class: CONDITIONAL
            fields: [Person.name]
            format: JSON
            provision: [API]
            updateFrequency: DAILY
            conditions:
              agencies: [1133020019999999XG]
              purposes: [WORK_REFERENCE, DATA_VERIFICATION]
              applicationRequired: true
              divisionScoped: true
              usageRequirements: 仅用于本部门事项。
          - id: people.phone
            name: 联系电话
            englishName: Telephone
            provider: 11330200123456788X
            class: NOT_SHARED
            fields: [Person.phone]
            format: JSON
            provision: [API]
            updateFrequency: DAILY
            legalBasis: 《中华人民共和国个人信息保护法》第三十四条
        """;

    [Fact]
    public void A_valid_catalogue_reads_into_agencies_subgraphs_division_fields_and_resources()
    {
        var reading = CatalogueReader.Read(Valid);

        Assert.Empty(reading.Errors);
        var catalogue = reading.Catalogue!;
        Assert.Equal(["11330200123456788X", "1133020019999999XG"], catalogue.Agencies.Select(a => a.Code));
        Assert.Equal("宁波市公安局", catalogue.Agency("11330200123456788X")!.Name);
        Assert.Equal("11330200123456788X", catalogue.Subgraphs["people"]);
        Assert.Equal("division", catalogue.DivisionFields["Person"]);
        var detail = catalogue.ResourceOf("Person.name")!;
        Assert.Same(detail, catalogue.ResourceOf("Person", "name"));
        Assert.Null(catalogue.ResourceOf("Person", "age"));
        Assert.Equal("people.detail", detail.Id);
        Assert.Equal(ShareClass.Conditional, detail.Class);
        Assert.Equal(UpdateFrequency.Daily, detail.UpdateFrequency);
        Assert.Equal(new ShareConditions(["1133020019999999XG"], [Purpose.WorkReference, Purpose.DataVerification], true, true, "仅用于本部门事项。"), detail.Conditions, ConditionsComparer.Instance);
        Assert.Equal([ProvisionMethod.Api, ProvisionMethod.OnlineQuery], catalogue.Resource("people.base")!.Provision);
        Assert.Null(catalogue.Resource("people.base")!.Conditions);
        Assert.Equal("《中华人民共和国个人信息保护法》第三十四条", catalogue.ResourceOf("Person.phone")!.LegalBasis);
    }

    [Fact]
    public void Agencies_any_reads_as_no_agency_list_and_an_empty_list_as_the_provider_only()
    {
        var any = CatalogueReader.Read(Valid.Replace("agencies: [1133020019999999XG]", "agencies: any", StringComparison.Ordinal)).Catalogue!;
        var none = CatalogueReader.Read(Valid.Replace("agencies: [1133020019999999XG]", "agencies: []", StringComparison.Ordinal)).Catalogue!;

        Assert.Null(any.Resource("people.detail")!.Conditions!.Agencies);
        Assert.Equal([], none.Resource("people.detail")!.Conditions!.Agencies!);
    }

    [Fact]
    public void Text_that_is_not_yaml_is_refused_with_its_line()
    {
        var yaml = Valid.Replace("    provision: [API]\n    updateFrequency: DAILY\n    conditions:", "   provision: [API]\n    updateFrequency: DAILY\n    conditions:", StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.InvalidYamlCode, null, LineOf(yaml, "   provision: [API]"));
    }

    [Fact]
    public void An_unknown_key_is_refused()
    {
        var yaml = Valid.Replace("    format: JSON\n    provision: [API]\n    updateFrequency: DAILY\n    legalBasis", "    format: JSON\n    owner: nobody\n    provision: [API]\n    updateFrequency: DAILY\n    legalBasis", StringComparison.Ordinal);

        var error = ExpectError(yaml, CatalogueErrorCodes.UnknownKeyCode, "people.phone", LineOf(yaml, "owner: nobody"));
        Assert.Contains("\"owner\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_in_the_conditions_is_refused()
    {
        var yaml = Valid.Replace("      divisionScoped: true", "      divisionScoped: true\n      expires: never", StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.UnknownKeyCode, "people.detail", LineOf(yaml, "expires: never"));
    }

    [Fact]
    public void RowScoped_is_an_optional_boolean_of_the_conditions_false_when_absent()
    {
        Assert.False(CatalogueReader.Read(Valid).Catalogue!.Resource("people.detail")!.Conditions!.RowScoped);

        var yaml = Valid.Replace("      divisionScoped: true", "      divisionScoped: true\n      rowScoped: true", StringComparison.Ordinal);
        Assert.True(CatalogueReader.Read(yaml).Catalogue!.Resource("people.detail")!.Conditions!.RowScoped);

        var wrong = Valid.Replace("      divisionScoped: true", "      divisionScoped: true\n      rowScoped: yes", StringComparison.Ordinal);
        var error = ExpectError(wrong, CatalogueErrorCodes.InvalidValueCode, "people.detail", LineOf(wrong, "rowScoped: yes"));
        Assert.Contains("true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowScoped_outside_the_conditions_is_an_unknown_key()
    {
        var yaml = Valid.Replace("    class: NOT_SHARED", "    class: NOT_SHARED\n    rowScoped: true", StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.UnknownKeyCode, "people.phone", LineOf(yaml, "rowScoped: true"));
    }

    [Fact]
    public void A_missing_key_is_refused_at_the_line_of_its_resource()
    {
        var yaml = Valid.Replace("    updateFrequency: REAL_TIME\n", "", StringComparison.Ordinal);

        var error = ExpectError(yaml, CatalogueErrorCodes.MissingKeyCode, "people.base", LineOf(yaml, "id: people.base"));
        Assert.Contains("\"updateFrequency\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_top_level_key_is_refused()
    {
        var yaml = Valid.Replace("subgraphs:\n  people: 11330200123456788X\n", "", StringComparison.Ordinal);

        var error = ExpectError(yaml, CatalogueErrorCodes.MissingKeyCode, null, 1);
        Assert.Contains("\"subgraphs\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("class: UNCONDITIONAL", "class: SOMETIMES", "people.base")]
    [InlineData("provision: [API, ONLINE_QUERY]", "provision: [API, FAX]", "people.base")]
    [InlineData("updateFrequency: REAL_TIME", "updateFrequency: HOURLY", "people.base")]
    [InlineData("purposes: [WORK_REFERENCE, DATA_VERIFICATION]", "purposes: [WORK_REFERENCE, CURIOSITY]", "people.detail")]
    [InlineData("applicationRequired: true", "applicationRequired: maybe", "people.detail")]
    public void A_bad_enum_or_boolean_value_is_refused(string valid, string invalid, string resource)
    {
        var yaml = Valid.Replace(valid, invalid, StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.InvalidValueCode, resource, LineOf(yaml, invalid));
    }

    [Fact]
    public void An_agency_code_that_is_not_a_credit_code_is_refused()
    {
        var yaml = Valid.Replace("1133020019999999XG", "1133020019999999XA", StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.InvalidValueCode, null, LineOf(yaml, "code: 1133020019999999XA"));
    }

    [Fact]
    public void A_duplicate_resource_id_is_refused_at_the_second_resource()
    {
        var yaml = Valid.Replace("  - id: people.phone", "  - id: people.base", StringComparison.Ordinal);

        var error = ExpectError(yaml, CatalogueErrorCodes.DuplicateIdCode, "people.base", LineOf(yaml, "id: people.base", occurrence: 2));
        Assert.Contains($"line {LineOf(yaml, "id: people.base")}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agencys_registry_roles_are_read_once_each_and_an_agency_without_roles_holds_none()
    {
        var yaml = Valid.Replace(
            "    englishName: Ningbo Municipal Administration for Market Regulation\n    division: \"330200\"",
            "    englishName: Ningbo Municipal Administration for Market Regulation\n    division: \"330200\"\n    roles: [competent-department, auditor, competent-department]",
            StringComparison.Ordinal);

        var catalogue = CatalogueReader.Read(yaml).Catalogue!;

        var market = catalogue.Agency("1133020019999999XG")!;
        Assert.Equal([RegistryRoles.CompetentDepartment, RegistryRoles.Auditor], market.Roles!);
        Assert.True(market.MayHold(RegistryRoles.Auditor));
        Assert.False(catalogue.Agency("11330200123456788X")!.MayHold(RegistryRoles.Auditor));
        Assert.True(catalogue.Provides("11330200123456788X"));
        Assert.False(catalogue.Provides("1133020019999999XG"));
    }

    [Theory]
    [InlineData("roles: [share-approver]", "\"share-approver\"")]
    [InlineData("roles: [root]", "\"root\"")]
    [InlineData("roles: auditor", "\"auditor\"")]
    public void A_role_the_registry_does_not_give_is_refused(string roles, string named)
    {
        var yaml = Valid.Replace(
            "    englishName: Ningbo Municipal Administration for Market Regulation\n    division: \"330200\"",
            "    englishName: Ningbo Municipal Administration for Market Regulation\n    division: \"330200\"\n    " + roles,
            StringComparison.Ordinal);

        var error = ExpectError(yaml, CatalogueErrorCodes.InvalidValueCode, null, LineOf(yaml, roles[(roles.IndexOf(' ', StringComparison.Ordinal) + 1)..]));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_registry_gives_the_big_data_bureau_which_runs_the_platform_the_competent_department_and_the_auditors_roles()
    {
        var catalogue = CatalogueFiles.FromFile(Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName));

        Assert.Equal(["1133020035308641XG"], catalogue.Agencies.Where(a => a.MayHold(RegistryRoles.CompetentDepartment)).Select(a => a.Code));
        Assert.Equal(["1133020035308641XG"], catalogue.Agencies.Where(a => a.MayHold(RegistryRoles.Auditor)).Select(a => a.Code));
    }

    [Fact]
    public void A_duplicate_agency_is_refused()
    {
        var yaml = Valid
            .Replace("  - code: 1133020019999999XG", "  - code: 11330200123456788X", StringComparison.Ordinal)
            .Replace("agencies: [1133020019999999XG]", "agencies: any", StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.DuplicateAgencyCode, null, LineOf(yaml, "code: 11330200123456788X", occurrence: 2));
    }

    [Fact]
    public void A_provider_that_is_not_a_listed_agency_is_refused()
    {
        var yaml = Valid.Replace("    provider: 11330200123456788X\n    class: UNCONDITIONAL", "    provider: 91330200MA2AAAAA0X\n    class: UNCONDITIONAL", StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.UnknownAgencyCode, "people.base", LineOf(yaml, "provider: 91330200MA2AAAAA0X"));
    }

    [Fact]
    public void A_condition_agency_that_is_not_listed_is_refused()
    {
        var yaml = Valid.Replace("agencies: [1133020019999999XG]", "agencies: [1133020019999999XG, 113302004296296290]", StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.UnknownAgencyCode, "people.detail", LineOf(yaml, "113302004296296290"));
    }

    [Fact]
    public void A_subgraph_of_an_agency_that_is_not_listed_is_refused()
    {
        var yaml = Valid.Replace("  people: 11330200123456788X", "  people: 11330200123456788X\n  spatial: 11330200276543209R", StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.UnknownAgencyCode, null, LineOf(yaml, "spatial: 11330200276543209R"));
    }

    [Fact]
    public void Conditions_on_an_unconditional_resource_are_refused()
    {
        var yaml = Valid.Replace(
            "    updateFrequency: REAL_TIME\n",
            "    updateFrequency: REAL_TIME\n    conditions:\n      agencies: any\n      purposes: [WORK_REFERENCE]\n      applicationRequired: false\n      divisionScoped: false\n",
            StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.ConditionsNotAllowedCode, "people.base", LineOf(yaml, "agencies: any"));
    }

    [Fact]
    public void A_conditional_resource_without_conditions_is_refused()
    {
        var yaml = Valid.Replace(
            "    conditions:\n      agencies: [1133020019999999XG]\n      purposes: [WORK_REFERENCE, DATA_VERIFICATION]\n      applicationRequired: true\n      divisionScoped: true\n      usageRequirements: 仅用于本部门事项。\n",
            "",
            StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.ConditionsRequiredCode, "people.detail", LineOf(yaml, "id: people.detail"));
    }

    [Fact]
    public void A_not_shared_resource_without_a_legal_basis_is_refused()
    {
        var yaml = Valid.Replace("    legalBasis: 《中华人民共和国个人信息保护法》第三十四条", "", StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.LegalBasisRequiredCode, "people.phone", LineOf(yaml, "id: people.phone"));
    }

    [Fact]
    public void A_legal_basis_on_a_shared_resource_is_refused()
    {
        var yaml = Valid.Replace("    updateFrequency: REAL_TIME\n", "    updateFrequency: REAL_TIME\n    legalBasis: 无\n", StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.LegalBasisNotAllowedCode, "people.base", LineOf(yaml, "legalBasis: 无"));
    }

    [Fact]
    public void Empty_purposes_are_refused()
    {
        var yaml = Valid.Replace("purposes: [WORK_REFERENCE, DATA_VERIFICATION]", "purposes: []", StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.EmptyPurposesCode, "people.detail", LineOf(yaml, "purposes: []"));
    }

    [Fact]
    public void Argument_and_input_field_coordinates_are_read()
    {
        var yaml = Valid.Replace("fields: [Query.person, Person.id]", "fields: [Query.person, Person.id, Query.person(idNumber:), PersonFilter.name]", StringComparison.Ordinal);

        var reading = CatalogueReader.Read(yaml);

        Assert.Empty(reading.Errors);
        Assert.Equal("people.base", reading.Catalogue!.ResourceOf("Query", "person", "idNumber")!.Id);
        Assert.Equal("people.base", reading.Catalogue.ResourceOf("PersonFilter", "name")!.Id);
        Assert.Null(reading.Catalogue.ResourceOf("Query", "person(idNumber:)"));
    }

    [Theory]
    [InlineData("Query.person(idNumber)")]
    [InlineData("Query.person(idNumber:")]
    [InlineData("Query.person()")]
    [InlineData("Query.person(1d:)")]
    [InlineData("Query.person.idNumber")]
    public void An_argument_coordinate_not_in_the_schema_coordinate_syntax_is_refused(string coordinate)
    {
        var yaml = Valid.Replace("fields: [Query.person, Person.id]", $"fields: [Query.person, Person.id, \"{coordinate}\"]", StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.InvalidCoordinateCode, "people.base", LineOf(yaml, coordinate));
    }

    [Fact]
    public void A_field_that_is_not_a_coordinate_is_refused()
    {
        var yaml = Valid.Replace("fields: [Query.person, Person.id]", "fields: [Query.person, Person]", StringComparison.Ordinal);

        ExpectError(yaml, CatalogueErrorCodes.InvalidCoordinateCode, "people.base", LineOf(yaml, "Person]"));
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_at_once()
    {
        var yaml = Valid
            .Replace("class: UNCONDITIONAL", "class: SOMETIMES", StringComparison.Ordinal)
            .Replace("purposes: [WORK_REFERENCE, DATA_VERIFICATION]", "purposes: []", StringComparison.Ordinal);

        var reading = CatalogueReader.Read(yaml);

        Assert.Null(reading.Catalogue);
        Assert.Equal([CatalogueErrorCodes.InvalidValueCode, CatalogueErrorCodes.EmptyPurposesCode], reading.Errors.Select(e => e.Code));
    }

    private static string WithSubjects(string subjects) =>
        Valid.Replace("resources:\n", "subjects:\n" + subjects + "resources:\n", StringComparison.Ordinal);

    [Fact]
    public void Data_subjects_read_into_type_field_and_kind_and_are_optional()
    {
        var reading = CatalogueReader.Read(WithSubjects("  Person: { field: id, kind: CITIZEN_ID }\n  Licence:\n    field: number\n    kind: LICENCE_NUMBER_2\n"));

        Assert.Empty(reading.Errors);
        Assert.Equal(new DataSubject("id", "CITIZEN_ID"), reading.Catalogue!.Subjects["Person"]);
        Assert.Equal(new DataSubject("number", "LICENCE_NUMBER_2"), reading.Catalogue.Subjects["Licence"]);
        Assert.Empty(CatalogueReader.Read(Valid).Catalogue!.Subjects);
    }

    [Theory]
    [InlineData("citizen_id")]
    [InlineData("CITIZEN__ID")]
    [InlineData("CITIZEN_ID_")]
    [InlineData("1D")]
    [InlineData("CITIZEN-ID")]
    public void A_subject_kind_is_screaming_snake_case(string kind)
    {
        var yaml = WithSubjects($"  Person: {{ field: id, kind: {kind} }}\n");

        var error = ExpectError(yaml, CatalogueErrorCodes.InvalidValueCode, null, LineOf(yaml, "Person: {"));

        Assert.Contains("SCREAMING_SNAKE", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  Person: { field: id }\n", CatalogueErrorCodes.MissingKeyCode)]
    [InlineData("  Person: { field: id, kind: CITIZEN_ID, salt: x }\n", CatalogueErrorCodes.UnknownKeyCode)]
    [InlineData("  Person: id\n", CatalogueErrorCodes.InvalidValueCode)]
    [InlineData("  - Person\n", CatalogueErrorCodes.InvalidValueCode)]
    public void A_subject_entry_is_a_field_and_a_kind(string subjects, string code)
    {
        var reading = CatalogueReader.Read(WithSubjects(subjects));

        Assert.Null(reading.Catalogue);
        Assert.Equal(code, Assert.Single(reading.Errors).Code);
    }

    private static CatalogueError ExpectError(string yaml, string code, string? resource, int? line)
    {
        var reading = CatalogueReader.Read(yaml);

        Assert.Null(reading.Catalogue);
        var error = Assert.Single(reading.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(resource, error.Resource);
        if (line is not null)
        {
            Assert.Equal(line, error.Line);
        }

        return error;
    }

    /// <summary>The 1-based line of the <paramref name="occurrence"/>th line containing <paramref name="text"/>.</summary>
    private static int LineOf(string yaml, string text, int occurrence = 1)
    {
        var lines = yaml.Split('\n');
        for (int i = 0, seen = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal) && ++seen == occurrence)
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"\"{text}\" is not in the YAML {occurrence} times.");
    }

    private sealed class ConditionsComparer : IEqualityComparer<ShareConditions?>
    {
        public static readonly ConditionsComparer Instance = new();

        public bool Equals(ShareConditions? x, ShareConditions? y) =>
            x is not null && y is not null
            && (x.Agencies ?? []).SequenceEqual(y.Agencies ?? []) && (x.Agencies is null) == (y.Agencies is null)
            && x.Purposes.SequenceEqual(y.Purposes)
            && x.ApplicationRequired == y.ApplicationRequired && x.DivisionScoped == y.DivisionScoped && x.UsageRequirements == y.UsageRequirements;

        public int GetHashCode(ShareConditions? obj) => 0;
    }
}
