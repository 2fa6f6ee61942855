using System.Globalization;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Requests;
using Federation.Gateway.Sharing;
using Federation.GraphQL;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Platform;

/// <summary>
/// The resolvers of the platform's root fields. The caller is the request's
/// <see cref="GatewayRequest.Identity"/>; the catalogue is public, everything else needs a caller,
/// and what a caller may see or do is the <see cref="ShareWorkflow"/>'s to decide.
/// </summary>
internal static class PlatformResolvers
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    public static Schema BindTo(Schema schema, ShareWorkflow workflow)
    {
        var catalogue = workflow.Catalogue;
        return schema
            .Bind("Query.catalogue", context => Done(Catalogue(catalogue, context.Arguments.GetValueOrDefault("filter") as IReadOnlyDictionary<string, object?>)))
            .Bind("Query.catalogueResource", context => Done(
                catalogue.Resource((string)context.Arguments["id"]!) is { } resource ? PlatformValues.Resource(catalogue, resource) : null))
            .Bind("Query.shareApplications", async context =>
            {
                var found = await workflow.ApplicationsAsync(
                    CallerOf(context),
                    context.Arguments.GetValueOrDefault("status") is string status ? ApplicationStatuses.Parse(status) : null,
                    context.Arguments.GetValueOrDefault("resourceId") as string,
                    context.CancellationToken).ConfigureAwait(false);
                return found.Select(a => PlatformValues.Application(catalogue, a)).ToList();
            })
            .Bind("Query.shareApplication", async context =>
            {
                var caller = CallerOf(context);
                return Guid.TryParse((string)context.Arguments["id"]!, out var id)
                    && await workflow.VisibleApplicationAsync(caller, id, context.CancellationToken).ConfigureAwait(false) is { } application
                    ? PlatformValues.Application(catalogue, application)
                    : null;
            })
            .Bind("Query.overdueShareApplications", async context =>
            {
                var overdue = await workflow.OverdueAsync(CallerOf(context), context.CancellationToken).ConfigureAwait(false);
                return overdue.Select(o => new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["application"] = PlatformValues.Application(catalogue, o.Application),
                    ["daysOverdue"] = o.DaysOverdue,
                }).ToList();
            })
            .Bind("Query.grants", async context =>
            {
                var found = await workflow.GrantsAsync(
                    CallerOf(context),
                    context.Arguments.GetValueOrDefault("activeOnly") is true,
                    context.Arguments.GetValueOrDefault("resourceId") as string,
                    context.CancellationToken).ConfigureAwait(false);
                var now = workflow.Now();
                return found.Select(g => PlatformValues.Grant(catalogue, g, now)).ToList();
            })
            .Bind("Query.grant", async context =>
            {
                var caller = CallerOf(context);
                return Guid.TryParse((string)context.Arguments["id"]!, out var id)
                    && await workflow.VisibleGrantAsync(caller, id, context.CancellationToken).ConfigureAwait(false) is { } grant
                    ? PlatformValues.Grant(catalogue, grant, workflow.Now())
                    : null;
            })
            .Bind("ShareApplication.grant", async context =>
            {
                var caller = CallerOf(context);
                return context.Source is IReadOnlyDictionary<string, object?> application && application.GetValueOrDefault(PlatformValues.GrantIdKey) is Guid id
                    && await workflow.VisibleGrantAsync(caller, id, context.CancellationToken).ConfigureAwait(false) is { } grant
                    ? PlatformValues.Grant(catalogue, grant, workflow.Now())
                    : null;
            })
            .Bind("Mutation.applyForShare", async context =>
            {
                var caller = CallerOf(context);
                var input = (IReadOnlyDictionary<string, object?>)context.Arguments["input"]!;
                var request = new ShareRequest(
                    (string)input["resourceId"]!,
                    PurposesOf(input["purposes"]),
                    (string)input["justification"]!,
                    DateTimeOf("validFrom", input["validFrom"]),
                    DateTimeOf("validUntil", input["validUntil"]),
                    input.GetValueOrDefault("matter") as string);
                var application = await workflow.ApplyAsync(caller, request, context.CancellationToken).ConfigureAwait(false);
                return PlatformValues.Application(catalogue, application);
            })
            .Bind("Mutation.approveShareApplication", async context =>
            {
                var caller = CallerOf(context);
                var input = (IReadOnlyDictionary<string, object?>)context.Arguments["input"]!;
                var id = ApplicationId((string)input["id"]!);
                var application = await workflow.ApproveAsync(
                    caller,
                    id,
                    input.GetValueOrDefault("purposes") is { } purposes ? PurposesOf(purposes) : null,
                    input.GetValueOrDefault("validFrom") is { } from ? DateTimeOf("validFrom", from) : null,
                    input.GetValueOrDefault("validUntil") is { } until ? DateTimeOf("validUntil", until) : null,
                    context.CancellationToken).ConfigureAwait(false);
                return PlatformValues.Application(catalogue, application);
            })
            .Bind("Mutation.refuseShareApplication", async context =>
            {
                var caller = CallerOf(context);
                var id = ApplicationId((string)context.Arguments["id"]!);
                var application = await workflow.RefuseAsync(caller, id, context.Arguments["reason"] as string, context.CancellationToken).ConfigureAwait(false);
                return PlatformValues.Application(catalogue, application);
            })
            .Bind("Mutation.withdrawShareApplication", async context =>
            {
                var caller = CallerOf(context);
                var id = ApplicationId((string)context.Arguments["id"]!);
                var application = await workflow.WithdrawAsync(caller, id, context.CancellationToken).ConfigureAwait(false);
                return PlatformValues.Application(catalogue, application);
            })
            .Bind("Mutation.revokeGrant", async context =>
            {
                var caller = CallerOf(context);
                var text = (string)context.Arguments["id"]!;
                var id = Guid.TryParse(text, out var parsed) ? parsed : throw new SharingException(SharingErrorCodes.UnknownGrant(text));
                var grant = await workflow.RevokeAsync(caller, id, context.Arguments["reason"] as string, context.CancellationToken).ConfigureAwait(false);
                return PlatformValues.Grant(catalogue, grant, workflow.Now());
            });
    }

    private static List<Dictionary<string, object?>> Catalogue(ShareCatalogue catalogue, IReadOnlyDictionary<string, object?>? filter)
    {
        var shareClass = CatalogueWireNames.ShareClassOf(filter?.GetValueOrDefault("class") as string);
        var provider = filter?.GetValueOrDefault("provider") as string;
        var search = (filter?.GetValueOrDefault("search") as string)?.Trim();
        var found = new List<Dictionary<string, object?>>();
        foreach (var resource in catalogue.Resources)
        {
            if ((shareClass is null || resource.Class == shareClass)
                && (provider is null || resource.Provider == provider)
                && (string.IsNullOrEmpty(search)
                    || resource.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
                    || resource.EnglishName.Contains(search, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(PlatformValues.Resource(catalogue, resource));
            }
        }

        return found;
    }

    /// <summary>The signed-in caller; a field error <c>UNAUTHENTICATED</c> without one.</summary>
    private static Caller CallerOf(ResolveContext context) =>
        (context.Context as GatewayRequest)?.Identity ?? throw new GraphQLException(PlatformErrorCodes.NoIdentity());

    private static Guid ApplicationId(string text) =>
        Guid.TryParse(text, out var id) ? id : throw new SharingException(SharingErrorCodes.UnknownApplication(text));

    private static List<Purpose> PurposesOf(object? value)
    {
        var purposes = new List<Purpose>();
        foreach (var item in (IEnumerable<object?>)value!)
        {
            // The engine has coerced each value to a member of SharePurpose.
            purposes.Add(Purposes.TryParse(item as string, out var purpose) ? purpose.Value : throw new InvalidOperationException($"Not a purpose: {item}"));
        }

        return purposes;
    }

    internal static DateTimeOffset DateTimeOf(string argument, object? value) =>
        value is string text && DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new GraphQLException(PlatformErrorCodes.NotADateTime(argument, value));

    private static ValueTask<object?> Done(object? value) => new(value);
}
