using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Commissioning.Web.Infrastructure;

/// <summary>
/// Conventions applied to whole folders of pages, so that a new page in a folder gets them
/// without anyone remembering to add an attribute.
/// </summary>
public static class PageConventions
{
    /// <summary>
    /// The folders whose pages show, or collect, an organisation's answers, a tender's data or
    /// people's accounts. Browsers and shared
    /// caches must not keep them: on a shared computer the next person could page back to them.
    /// </summary>
    public static readonly IReadOnlyList<string> PrivateFolders = ["/Specification", "/Tenders", "/Admin"];

    /// <summary>
    /// The filter that marks a response <c>Cache-Control: no-store</c>. One instance, so a test
    /// can find it on every page of a private folder. (Not <c>[ResponseCache]</c>: Razor Pages
    /// honours that only as an attribute on the page model class, not as a filter added by a
    /// convention.)
    /// </summary>
    public static readonly NoStoreFilter NoStore = new();

    /// <summary>Adds the site's page conventions.</summary>
    public static PageConventionCollection AddCommissioningConventions(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        foreach (var folder in PrivateFolders)
        {
            conventions.AddFolderApplicationModelConvention(folder, model => model.Filters.Add(NoStore));
        }

        conventions.ConfigureFilter(new NoHandlerForMethodFilter());
        return conventions;
    }
}

/// <summary>
/// Marks the response <c>Cache-Control: no-store, no-cache</c> (and <c>Pragma: no-cache</c> for old
/// caches) before the handler runs, so a redirect or a page with errors is covered as well.
/// </summary>
public sealed class NoStoreFilter : IPageFilter
{
    /// <inheritdoc />
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    /// <inheritdoc />
    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store, no-cache";
        headers.Pragma = "no-cache";
    }

    /// <inheritdoc />
    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}

/// <summary>
/// A page renders for any method when it has no handler for it, so a POST to a page without a
/// form would show the page. This answers 405 instead, with an <c>Allow</c> header naming the
/// methods the page has handlers for. GET and HEAD always have one (a page with no OnGet renders
/// as it is). The error page is exempt when re-executed: it shows itself for whatever method failed.
/// </summary>
public sealed class NoHandlerForMethodFilter : IAsyncPageFilter
{
    /// <inheritdoc />
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (context.HandlerMethod is not null
            || HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return next();
        }

        var handled = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant());
        http.Response.Headers.Allow = string.Join(", ", new[] { HttpMethods.Get, HttpMethods.Head }.Concat(handled).Distinct());
        http.Features.Set(new RequestRefusal(RequestRefusalReason.NoHandlerForMethod));
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        return Task.CompletedTask;
    }
}
