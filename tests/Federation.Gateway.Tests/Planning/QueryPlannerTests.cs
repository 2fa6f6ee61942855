using static Federation.Gateway.Tests.Planning.PlanHarness;

namespace Federation.Gateway.Tests.Planning;

/// <summary>Plans over the committed supergraph of the four agency subgraphs, each compared with its snapshot, the plan as Apollo Router prints plans.</summary>
public sealed class QueryPlannerTests
{
    [Fact]
    public void One_subgraph_root_field() => ExpectPlan(
        """
        query {
          person(idNumber: "110101199003074514") {
            name
            gender
          }
        }
        """);

    [Fact]
    public void Variables_pass_to_the_root_fetch() => ExpectPlan(
        """
        query Person($id: IdNumber!) {
          person(idNumber: $id) {
            name
          }
        }
        """);

    [Fact]
    public void Root_fields_of_one_subgraph_share_a_fetch() => ExpectPlan(
        """
        query {
          person(idNumber: "110101199003074514") { name }
          household(number: "330203000001") { address }
        }
        """);

    [Fact]
    public void Root_fields_of_two_subgraphs_run_in_parallel() => ExpectPlan(
        """
        query {
          person(idNumber: "110101199003074514") { name }
          licence(number: "L-1") { holderName }
        }
        """);

    [Fact]
    public void Entity_hop_adds_the_key_to_the_parent_fetch() => ExpectPlan(
        """
        query {
          person(idNumber: "110101199003074514") {
            name
            licences { totalCount }
          }
        }
        """);

    [Fact]
    public void Hops_to_three_subgraphs_run_in_parallel() => ExpectPlan(
        """
        query {
          person(idNumber: "110101199003074514") {
            name
            licences { totalCount }
            parcels { totalCount }
            representedLegalPersons { totalCount }
          }
        }
        """);

    [Fact]
    public void Union_holder_members_go_to_their_owners() => ExpectPlan(
        """
        query {
          licence(number: "L-1") {
            holder {
              __typename
              ... on Person { name birthDate }
              ... on LegalPerson { name kind }
            }
          }
        }
        """);

    [Fact]
    public void Licence_holder_represented_legal_persons_parcels_three_subgraphs_deep() => ExpectPlan(
        """
        query {
          licence(number: "L-1") {
            number
            holder {
              ... on Person {
                name
                representedLegalPersons {
                  edges {
                    node {
                      name
                      parcels { edges { node { unitCode areaSquareMetres } } }
                    }
                  }
                }
              }
            }
          }
        }
        """);

    [Fact]
    public void A_list_is_fetched_in_one_batch_per_step() => ExpectPlan(
        """
        query {
          persons(first: 50) {
            edges {
              node {
                name
                licences { totalCount }
              }
            }
          }
        }
        """);

    [Fact]
    public void Nested_lists_batch_once_per_step() => ExpectPlan(
        """
        query {
          households(first: 10) {
            edges {
              node {
                members {
                  person {
                    name
                    parcels { totalCount }
                  }
                }
              }
            }
          }
        }
        """);

    [Fact]
    public void Aliases_are_kept_in_subgraph_operations() => ExpectPlan(
        """
        query {
          first: person(idNumber: "110101199003074514") { fullName: name }
          second: person(idNumber: "110101199003074522") {
            fullName: name
            held: licences(first: 5) { count: totalCount }
          }
        }
        """);

    [Fact]
    public void Variables_used_by_an_entity_fetch_go_to_it() => ExpectPlan(
        """
        query Holdings($id: IdNumber!, $statuses: [LicenceStatus!], $first: Int = 10) {
          person(idNumber: $id) {
            name
            licences(statuses: $statuses, first: $first) { totalCount }
          }
        }
        """);

    [Fact]
    public void Variables_inside_input_objects() => ExpectPlan(
        """
        query ($id: IdNumber!) {
          licences(filter: { holderIdNumber: $id, statuses: [VALID] }, first: 3) {
            edges { node { number holder { ... on Person { name } } } }
          }
        }
        """);

    [Fact]
    public void Skip_on_a_local_field_stays_in_the_fetch() => ExpectPlan(
        """
        query ($brief: Boolean!) {
          person(idNumber: "110101199003074514") {
            name
            phone @skip(if: $brief)
          }
        }
        """);

    [Fact]
    public void Include_on_a_hop_moves_to_the_entity_fetch() => ExpectPlan(
        """
        query ($withLicences: Boolean!) {
          person(idNumber: "110101199003074514") {
            name
            licences @include(if: $withLicences) { totalCount }
          }
        }
        """);

    [Fact]
    public void Literal_skip_and_include_are_decided_when_planning() => ExpectPlan(
        """
        query {
          person(idNumber: "110101199003074514") {
            name
            phone @skip(if: true)
            licences @include(if: false) { totalCount }
            parcels @include(if: true) { totalCount }
          }
        }
        """);

    [Fact]
    public void Conditional_fragment_around_a_hop() => ExpectPlan(
        """
        query ($full: Boolean!) {
          person(idNumber: "110101199003074514") {
            name
            ... @include(if: $full) {
              parcels { totalCount }
            }
          }
        }
        """);

    [Fact]
    public void Conditional_root_fragment() => ExpectPlan(
        """
        query ($withLicence: Boolean!) {
          person(idNumber: "110101199003074514") { name }
          ... @include(if: $withLicence) {
            licence(number: "L-1") { holderName }
          }
        }
        """);

    [Fact]
    public void Typename_at_the_root_needs_no_fetch() => ExpectPlan(
        """
        query {
          __typename
        }
        """);

    [Fact]
    public void Introspection_needs_no_fetch() => ExpectPlan(
        """
        query {
          __schema { queryType { name } }
          __type(name: "Person") { name }
        }
        """);

    [Fact]
    public void Typename_inside_objects_is_fetched() => ExpectPlan(
        """
        query {
          __typename
          person(idNumber: "110101199003074514") {
            __typename
            name
            licences { __typename totalCount }
          }
        }
        """);

    [Fact]
    public void Shared_page_info_comes_from_the_subgraph_already_asked() => ExpectPlan(
        """
        query {
          person(idNumber: "110101199003074514") {
            licences(first: 5) {
              pageInfo { hasNextPage endCursor }
              edges { cursor node { number } }
            }
          }
          persons(first: 5) { pageInfo { endCursor } }
        }
        """);

    [Fact]
    public void Named_fragments_are_expanded() => ExpectPlan(
        """
        query {
          person(idNumber: "110101199003074514") { ...PersonCard }
        }

        fragment PersonCard on Person {
          name
          birthDate
          licences { ...LicencePage }
        }

        fragment LicencePage on LicenceConnection {
          totalCount
        }
        """);

    [Fact]
    public void Named_fragment_on_the_holder_union() => ExpectPlan(
        """
        query {
          licence(number: "L-1") { holder { ...Holder } }
        }

        fragment Holder on LicenceHolder {
          ... on Person { name }
          ... on LegalPerson { creditCode name }
        }
        """);

    [Fact]
    public void Sibling_selections_for_one_subgraph_merge_into_one_fetch() => ExpectPlan(
        """
        query {
          person(idNumber: "110101199003074514") {
            licences { totalCount }
            ... on Person { licences { pageInfo { hasNextPage } } }
            parcels { totalCount }
          }
        }
        """);

    [Fact]
    public void Same_subgraph_nested_objects_stay_in_one_fetch() => ExpectPlan(
        """
        query {
          household(number: "330203000001") {
            kind
            head { name }
            members { relationToHead person { name birthDate } }
          }
        }
        """);

    [Fact]
    public void Legal_representative_name_from_the_population_register() => ExpectPlan(
        """
        query {
          legalPerson(creditCode: "91350100M000100Y43") {
            name
            legalRepresentative { name phone }
          }
        }
        """);

    [Fact]
    public void Right_holders_of_a_parcel() => ExpectPlan(
        """
        query {
          parcel(unitCode: "330203001001GB00001") {
            areaSquareMetres
            rightHolders {
              kind
              holder {
                ... on Person { name }
                ... on LegalPerson { name }
              }
            }
          }
        }
        """);

    [Fact]
    public void Shareholder_legal_persons_stay_in_their_subgraph() => ExpectPlan(
        """
        query {
          legalPerson(creditCode: "91350100M000100Y43") {
            shareholders {
              shareholderName
              shareholder {
                ... on LegalPerson { name }
                ... on Person { name }
              }
            }
          }
        }
        """);

    [Fact]
    public void Reference_only_types_are_fetched_from_their_owner() => ExpectPlan(
        """
        query {
          person(idNumber: "110101199003074514") {
            registeredDivision { code name }
            residenceStandardAddress { text postalCode }
          }
        }
        """);

    [Fact]
    public void Issuing_agency_of_a_licence() => ExpectPlan(
        """
        query {
          licence(number: "L-1") {
            issuingAgency { name status }
            seal { sealId }
          }
        }
        """);

    [Fact]
    public void Mutation_fields_run_in_sequence() => ExpectPlan(
        """
        mutation {
          correctPerson(input: { idNumber: "110101199003074514", reason: "objection", name: "Li Hua" }) {
            changedFields
          }
          correctLicence(input: { number: "L-1", reason: "objection", holderName: "Li Hua" }) {
            changedFields
          }
        }
        """);

    [Fact]
    public void Consecutive_mutation_fields_of_one_subgraph_share_a_fetch() => ExpectPlan(
        """
        mutation ($death: RecordDeathInput!) {
          correctPerson(input: { idNumber: "110101199003074514", reason: "objection", phone: "1" }) {
            changedFields
          }
          recordDeath(input: $death) { person { vitalStatus } }
          correctLicence(input: { number: "L-1", reason: "objection" }) { changedFields }
          correctHousehold(input: { number: "330203000001", reason: "objection" }) { changedFields }
        }
        """);

    [Fact]
    public void Mutation_payload_with_an_entity_hop() => ExpectPlan(
        """
        mutation {
          changeLicenceStatus(input: { number: "L-1", status: REVOKED, reason: "decision" }) {
            licence {
              status
              holder { ... on LegalPerson { name } }
            }
          }
        }
        """);

    [Fact]
    public void Operation_name_picks_the_operation() => ExpectPlan(
        """
        query First { person(idNumber: "110101199003074514") { name } }

        query Second { licence(number: "L-1") { holder { ... on Person { name } } } }
        """, operationName: "Second");

    [Fact]
    public void Entities_reached_by_two_paths_get_a_fetch_each() => ExpectPlan(
        """
        query {
          person(idNumber: "110101199003074514") {
            name
            household { head { licences { totalCount } } }
            licences { totalCount }
          }
        }
        """);

    [Fact]
    public void Recursive_divisions_in_one_subgraph() => ExpectPlan(
        """
        query {
          divisions(parent: "330200") {
            code
            name
            children { code name children { code } }
          }
        }
        """);

    [Fact]
    public void Holder_name_and_licences_of_the_holder() => ExpectPlan(
        """
        query {
          licence(number: "L-1") {
            holder {
              ... on Person {
                name
                licences(first: 3) { edges { node { number } } }
                parcels { totalCount }
              }
            }
          }
        }
        """);
}
