using System;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Listener.Admin;

/// <summary>What an admin operation (ErrorOperations, ConflictOperations) returns: a value, or a problem that names map, key or value.</summary>
public sealed record OperationResult<T>(T? Value, OperationProblemKind? Problem, string? Detail)
{
    public bool Succeeded => Problem is null;

    public static OperationResult<T> Success(T value) => new(value, null, null);

    public static OperationResult<T> Fail(OperationProblemKind problem, string detail) => new(default, problem, detail);

    /// <summary>The HTTP answer: 200 with the value, or the problem as <c>application/problem+json</c>.</summary>
    public IResult ToHttpResult() => Problem switch
    {
        null => TypedResults.Json(Value, AdminJson.Options),
        OperationProblemKind.NotFound => AdminProblems.NotFound(Detail!),
        OperationProblemKind.BadRequest => AdminProblems.BadRequest(Detail!),
        OperationProblemKind.Conflict => AdminProblems.Conflict(Detail!),
        OperationProblemKind.Failed => AdminProblems.Failed(Detail!),
        _ => throw new InvalidOperationException("Unknown problem " + Problem),
    };
}
