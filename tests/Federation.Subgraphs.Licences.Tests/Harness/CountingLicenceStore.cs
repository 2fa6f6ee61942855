using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Licences.Corrections;
using Federation.Subgraphs.Licences.Domain;
using Federation.Subgraphs.Licences.Store;

namespace Federation.Subgraphs.Licences.Tests.Harness;

/// <summary>A store that counts the calls made to it, to show that batches make one call.</summary>
internal sealed class CountingLicenceStore(ILicenceStore inner) : ILicenceStore
{
    private int finds;
    private int holderLists;

    public int Finds => finds;

    public int HolderLists => holderLists;

    public ValueTask<IReadOnlyDictionary<string, Licence>> FindAsync(IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref finds);
        return inner.FindAsync(numbers, cancellationToken);
    }

    public ValueTask<Page<Licence>> ListAsync(LicenceFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        inner.ListAsync(filter, page, cancellationToken);

    public ValueTask<IReadOnlyDictionary<string, Page<Licence>>> ListByHoldersAsync(
        HolderKind kind, IReadOnlyList<string> holderKeys, LicenceFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref holderLists);
        return inner.ListByHoldersAsync(kind, holderKeys, filter, page, cancellationToken);
    }

    public ValueTask<LicenceChange> ChangeAsync(string number, Func<Licence, LicenceChange> change, string reason, CancellationToken cancellationToken) =>
        inner.ChangeAsync(number, change, reason, cancellationToken);

    public ValueTask<bool> IsEmptyAsync(CancellationToken cancellationToken) => inner.IsEmptyAsync(cancellationToken);
}
