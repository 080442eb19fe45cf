using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

// Malformed standards stop start-up. StandardsFolder has logged each problem with its file and
// line, so when nothing else handles the exception (a real run, not a test host) exit 1 with that
// plain message rather than a stack trace.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    if (e.ExceptionObject is Commissioning.Core.Standards.StandardsLoadException problems)
    {
        Console.Error.WriteLine(problems.Message);
        Environment.Exit(1);
    }
};

var builder = WebApplication.CreateBuilder(args);

// The standards are loaded once at start-up; a malformed file stops the site with every problem listed.
builder.Services.AddSingleton(services => StandardsFolder.Load(
    services.GetRequiredService<IConfiguration>(),
    services.GetRequiredService<IWebHostEnvironment>(),
    services.GetRequiredService<ILogger<StandardsFolder>>()));

builder.Services.AddSingleton(services => StandardsFolder.Fingerprints(
    services.GetRequiredService<IConfiguration>(),
    services.GetRequiredService<IWebHostEnvironment>(),
    services.GetRequiredService<Commissioning.Core.Standards.StandardsCatalogue>()));

builder.Services.AddSingleton<StandardsView>();
builder.Services.AddCommissioningValidators();

// Storage: SQLite by default (App_Data/commissioning.db), PostgreSQL by configuration
// (Database:Provider, ConnectionStrings:Commissioning). Created and migrated before the site starts.
builder.Services.AddCommissioningStorage(builder.Configuration, builder.Environment);

// Accounts (ASP.NET Core Identity), the sign-in cookie, password policy and lockout; the keys that
// sign cookies and antiforgery tokens are kept in the database, so every instance shares them.
builder.Services.AddCommissioningAccounts();

// X-Forwarded-Proto and X-Forwarded-For are believed only from the configured proxies (default loopback).
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddHsts(options =>
{
    options.MaxAge = TimeSpan.FromDays(365);
});

// Every page needs a signed-in user unless its page model is marked [AllowAnonymous]; a test
// checks that each page model says one or the other. (A fallback policy would also challenge
// requests for addresses that do not exist, instead of answering 404.)
builder.Services.AddAuthorization();

// Resource-based authorisation on each tender: the application layer works out a person's
// permissions on the tender, and this handler decides each page's operation from them.
builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, TenderAuthorizationHandler>();

builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "oh-commissioning-antiforgery";
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/");
    options.Conventions.AddCommissioningConventions();
})
.AddMvcOptions(options =>
{
    // Every POST needs a valid antiforgery token. It is added as a global filter, so that a page
    // that carries its own [IgnoreAntiforgeryToken] (only the error page does) overrides it.
    options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
});
builder.Services.Configure<RouteOptions>(options =>
{
    options.LowercaseUrls = true;
});
builder.Services.Configure<FormOptions>(options =>
{
    options.ValueCountLimit = RequestLimits.MaxFormFields;
    options.KeyLengthLimit = RequestLimits.MaxFieldNameLength;
    // The guard middleware holds every address but the tender upload to MaxBodyBytes.
    options.MultipartBodyLengthLimit = RequestLimits.MaxUploadBytes;
});
builder.WebHost.ConfigureKestrel(options =>
{
    options.AddServerHeader = false;
    options.Limits.MaxRequestBodySize = RequestLimits.MaxUploadBytes;
});

var app = builder.Build();

// Fail fast: resolve the standards now so a malformed file stops start-up, not the first request.
app.Services.GetRequiredService<Commissioning.Core.Standards.StandardsCatalogue>();

// Create the database on first run and apply any migration not yet applied.
app.Services.MigrateCommissioningStorage();

// First, so that everything after sees the scheme and client address the proxy saw.
app.UseForwardedHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}

// Refused and failed requests get the NHS-styled error page, with their status, for any method.
app.UseStatusCodePagesWithReExecute("/error/{0}");

// After the error handlers, so that a re-executed error page gets the headers too. HSTS is sent
// over HTTPS only, and never for localhost, so it is safe in Development as well.
app.UseHsts();
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseMiddleware<RequestGuardMiddleware>();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();

app.Run();
