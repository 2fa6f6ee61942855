namespace Federation.Gateway.Requests;

/// <summary>
/// One stage of the request pipeline: one hook over the request's context, as an Apollo Router
/// plugin has. A stage reads what earlier stages left in the <see cref="GatewayRequest"/> and leaves
/// its own outcome there; it never calls another stage. Once a stage has answered the request
/// (<see cref="GatewayRequest.Answer"/>), only the stages of <see cref="RequestStep.Record"/> still run.
/// </summary>
internal interface IRequestStage
{
    RequestStep Step { get; }

    ValueTask RunAsync(GatewayRequest request, CancellationToken cancellationToken);
}
