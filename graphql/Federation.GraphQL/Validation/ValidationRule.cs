namespace Federation.GraphQL.Validation;

/// <summary>
/// One rule of https://spec.graphql.org/September2025/#sec-Validation. A rule makes a fresh
/// visitor for each validation; the visitors of all rules run together in one walk.
/// </summary>
public sealed class ValidationRule
{
    private readonly Func<AstValidationContext, RuleVisitor> createVisitor;

    internal ValidationRule(string name, Func<AstValidationContext, RuleVisitor> createVisitor)
    {
        Name = name;
        this.createVisitor = createVisitor;
    }

    /// <summary>graphql-js's name for the rule, e.g. <c>UniqueOperationNamesRule</c>.</summary>
    public string Name { get; }

    internal RuleVisitor CreateVisitor(AstValidationContext context) => createVisitor(context);

    public override string ToString() => Name;
}
