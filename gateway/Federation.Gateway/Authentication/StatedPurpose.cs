using Federation.Gateway.Catalogue;

namespace Federation.Gateway.Authentication;

/// <summary>Why a request reads: one of the four purposes, with an optional administrative-matter reference (事项编码).</summary>
internal sealed record StatedPurpose(Purpose Purpose, string? Matter);
