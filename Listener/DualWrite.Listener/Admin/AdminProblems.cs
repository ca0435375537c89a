using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Listener.Admin;

/// <summary>RFC 7807 problems for the admin API: <c>application/problem+json</c> whose <c>detail</c> names the map, key or value at fault.</summary>
public static class AdminProblems
{
    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Conflict", detail);

    public static IResult Failed(string detail) => Problem(StatusCodes.Status502BadGateway, "The other system refused or failed", detail);

    public static IResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    /// <summary>Writes a problem from middleware (outside an endpoint).</summary>
    public static Task Write(HttpContext context, int status, string title, string detail) =>
        Problem(status, title, detail).ExecuteAsync(context);
}
