using Microsoft.AspNetCore.Diagnostics;

namespace Commissioning.Web.Infrastructure;

/// <summary>
/// Refuses, before routing, a request the site will not answer, leaving the body of the response
/// empty so the status code pages show the NHS-styled error page:
/// <list type="bullet">
/// <item>a method other than GET, HEAD or POST gets 405 with an <c>Allow</c> header (TRACE, TRACK,
/// CONNECT, PUT and the rest would otherwise reach a page, which renders for any method);</item>
/// <item>a body declared larger than <see cref="RequestLimits.MaxBodyBytes"/> gets 413 without a
/// byte of it being read; a body of unknown length is counted as it is read and refused with 413
/// once it passes the limit;</item>
/// <item>a POSTed form is read here, so that a form too large (413) or with too many fields (400) is
/// reported as what it is. Read later, by the antiforgery check, the same failures are reported as
/// a missing token (400).</item>
/// </list>
/// A re-executed request (the error page itself) passes straight through: it was checked the first
/// time, and refusing it again would leave the error page empty.
/// </summary>
public sealed partial class RequestGuardMiddleware(RequestDelegate next, ILogger<RequestGuardMiddleware> logger)
{
    /// <summary>Checks the request, then calls the rest of the pipeline if it passes.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        if (!RequestLimits.AllowedMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            LogRefused(logger, request.Method, request.Path, RequestRefusalReason.MethodNotAllowed);
            context.Response.Headers.Allow = RequestLimits.AllowHeader;
            Refuse(context, StatusCodes.Status405MethodNotAllowed, RequestRefusalReason.MethodNotAllowed);
            return;
        }

        var limit = RequestLimits.BodyLimitFor(request.Path);
        if (request.ContentLength > limit)
        {
            LogRefused(logger, request.Method, request.Path, RequestRefusalReason.BodyTooLarge);
            Refuse(context, StatusCodes.Status413PayloadTooLarge, RequestRefusalReason.BodyTooLarge);
            return;
        }

        if (HttpMethods.IsPost(request.Method))
        {
            if (request.ContentLength is null)
            {
                // A body of unknown length. Kestrel enforces the same limit; this covers servers that do not.
                request.Body = new LimitedReadStream(request.Body, limit);
            }

            if (!request.HasFormContentType)
            {
                await next(context);
                return;
            }

            var refusal = await ReadFormAsync(context);
            if (refusal is { } reason)
            {
                LogRefused(logger, request.Method, request.Path, reason);
                Refuse(context, reason == RequestRefusalReason.BodyTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, reason);
                return;
            }
        }

        await next(context);
    }

    private static async Task<RequestRefusalReason?> ReadFormAsync(HttpContext context)
    {
        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
            return null;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return RequestRefusalReason.BodyTooLarge;
        }
        catch (BadHttpRequestException)
        {
            return RequestRefusalReason.FormUnreadable;
        }
        catch (InvalidDataException)
        {
            // The form reader's limits: too many fields, a name or value too long, a malformed multipart body.
            return RequestRefusalReason.FormUnreadable;
        }
    }

    private static void Refuse(HttpContext context, int status, RequestRefusalReason reason)
    {
        context.Features.Set(new RequestRefusal(reason));
        context.Response.StatusCode = status;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, RequestRefusalReason reason);
}
