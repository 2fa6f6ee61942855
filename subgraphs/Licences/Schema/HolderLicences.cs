using System.Globalization;
using System.Text;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Licences.Domain;
using Federation.Subgraphs.Licences.Store;

namespace Federation.Subgraphs.Licences.Schema;

/// <summary>
/// <c>Person.licences</c> and <c>LegalPerson.licences</c>: the licence library's contribution to
/// entities other registers own. A list of holders asking for their licences with the same
/// arguments is one batch — one store call, one SQL statement — whatever the number of holders.
/// </summary>
internal static class HolderLicences
{
    public static void Bind(Subgraph subgraph, ILicenceStore store)
    {
        subgraph
            .Bind("Person.licences", context => LoadAsync(context, store, HolderKind.Person, ((PersonRef)context.Source!).IdNumber))
            .Bind("LegalPerson.licences", context => LoadAsync(context, store, HolderKind.LegalPerson, ((LegalPersonRef)context.Source!).CreditCode))
            .Entity(
                "Person",
                r => r.GetString("idNumber") ?? "",
                (keys, _) => new(keys.ToDictionary(k => k, k => (object)new PersonRef(k), StringComparer.Ordinal)))
            .Entity(
                "LegalPerson",
                r => r.GetString("creditCode") ?? "",
                (keys, _) => new(keys.ToDictionary(k => k, k => (object)new LegalPersonRef(k), StringComparer.Ordinal)));
    }

    private static async ValueTask<object?> LoadAsync(GraphQL.Execution.ResolveContext context, ILicenceStore store, HolderKind kind, string holderKey)
    {
        var arguments = context.Arguments;
        var page = PageRequest.For(context, 2);
        var filter = new LicenceFilter
        {
            Statuses = LicencesSchema.Statuses(arguments.GetValueOrDefault("statuses")),
            TypeCodes = LicencesSchema.TypeCodes(arguments.GetValueOrDefault("typeCodes")),
            WithheldTypeCodes = LicencesSchema.Visibility(context).WithheldTypeCodes,
        };

        // Holders asking with the same arguments share a loader; other arguments, another batch.
        var loader = context.Batch<string, Page<Licence>>(
            LoaderName(kind, filter, page),
            (keys, cancellationToken) => store.ListByHoldersAsync(kind, keys, filter, page, cancellationToken));
        var licences = await loader.LoadAsync(holderKey).ConfigureAwait(false) ?? new Page<Licence>([], false, 0);
        return Connection.From(licences, page, LicenceOrder.SortKey);
    }

    private static string LoaderName(HolderKind kind, LicenceFilter filter, PageRequest page)
    {
        var name = new StringBuilder("licences-of-").Append(HolderKinds.Name(kind));
        name.Append("|s:").AppendJoin(',', filter.Statuses?.Select(LicenceStatuses.Name) ?? ["*"]);
        name.Append("|t:").AppendJoin(',', filter.TypeCodes ?? ["*"]);
        name.Append("|w:").AppendJoin(',', filter.WithheldTypeCodes ?? ["-"]);
        name.Append("|f:").Append(page.First.ToString(CultureInfo.InvariantCulture));
        name.Append("|a:").AppendJoin('\u001f', page.After ?? ["-"]);
        return name.ToString();
    }
}
