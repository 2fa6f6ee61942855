using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Validation;

namespace Federation.GraphQL.Types.Building;

/// <summary>
/// The one place where SDL is checked before a schema is built from it (graphql-js's
/// assertValidSDL / assertValidSDLExtension): the validation layer's SDL rules, every broken
/// rule reported together.
/// </summary>
internal static class SdlValidation
{
    public static void AssertValid(DocumentNode document, Schema? existing)
    {
        var errors = DocumentValidator.ValidateSdl(document, existing);
        if (errors.Count > 0)
        {
            throw new InvalidSdlException(errors);
        }
    }
}
