namespace Federation.Gateway.Catalogue;

/// <summary>
/// How a catalogue resource is shared (Zhengzhou art. 14; Kaifeng art. 11; Ningbo art. 10):
/// with every agency, only under the provider's conditions, or not at all.
/// </summary>
internal enum ShareClass
{
    /// <summary>无条件共享: every agency reads it, self-service, no application.</summary>
    Unconditional,

    /// <summary>有条件共享: only to the agencies and for the purposes the provider states, often after an approved application.</summary>
    Conditional,

    /// <summary>不予共享: not given to other agencies, on a cited legal basis; not in the public schema at all.</summary>
    NotShared,
}
