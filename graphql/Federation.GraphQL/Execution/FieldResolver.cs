namespace Federation.GraphQL.Execution;

/// <summary>
/// Produces the value of one field. A resolver that completes synchronously returns a
/// completed <see cref="ValueTask{TResult}"/> and costs no allocation.
/// </summary>
public delegate ValueTask<object?> FieldResolver(ResolveContext context);
