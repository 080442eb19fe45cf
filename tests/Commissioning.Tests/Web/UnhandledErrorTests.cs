using Commissioning.Tests.Support;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Web;

/// <summary>
/// In Production an unhandled exception shows the NHS-styled "problem with the service" page with
/// 500, also when it happens while a form is being sent (the error page is then re-executed as a
/// POST). No detail of the exception reaches the page. (Development shows the developer page.)
/// </summary>
public sealed class UnhandledErrorTests
{
    private const string FailHeader = "X-Test-Fail";

    /// <summary>Throws in any page asked to by the test header, except the error page it leads to.</summary>
    private sealed class FailOnRequestFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var http = context.HttpContext;
            if (http.Request.Headers.ContainsKey(FailHeader) && http.Features.Get<IExceptionHandlerFeature>() is null)
            {
                throw new InvalidOperationException("A failure made by the test.");
            }

            return next();
        }
    }

    [TestCase("GET")]
    [TestCase("POST")]
    public async Task UnhandledException_InProduction_ShowsTheServiceProblemPageWith500(string method)
    {
        using var factory = new SiteFactory(SiteFactory.Production).WithWebHostBuilder(b =>
            b.ConfigureServices(s => s.Configure<MvcOptions>(o => o.Filters.Add(new FailOnRequestFilter()))));
        var server = factory.Server;
        var token = await RawRequests.GetFormTokenAsync(server, "/specification/profile");

        var response = await RawRequests.SendAsync(server, method, "/specification/profile", r =>
        {
            if (method == "POST")
            {
                RawRequests.Form(token, [new("Input.Name", "Riverside Surgery")])(r);
            }

            r.Headers[FailHeader] = "yes";
        });

        Assert.That(response.Status, Is.EqualTo(500));
        Assert.That(response.Body, Does.Contain("<h1>Sorry, there is a problem with the service</h1>").And.Contain("Try again later.").And.Contain("class=\"nhsuk-header\""));
        Assert.That(response.Body, Does.Not.Contain("A failure made by the test"), "no exception detail is shown");
    }
}
