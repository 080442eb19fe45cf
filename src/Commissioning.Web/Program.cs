using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;

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

builder.Services.AddSingleton<StandardsView>();
builder.Services.AddCommissioningValidators();

// Every page needs a signed-in user unless its page model is marked [AllowAnonymous]; a test
// checks that each page model says one or the other. (A fallback policy would also challenge
// requests for addresses that do not exist, instead of answering 404.)
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.Cookie.Name = "oh-commissioning-auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.SameSite = SameSiteMode.Lax;
    });
builder.Services.AddAuthorization();

builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "oh-commissioning-antiforgery";
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/");
    options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
});
builder.Services.Configure<RouteOptions>(options =>
{
    options.LowercaseUrls = true;
});
// Forms here are small; nothing legitimate comes near this.
builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = 1 * 1024 * 1024);

var app = builder.Build();

// Fail fast: resolve the standards now so a malformed file stops start-up, not the first request.
app.Services.GetRequiredService<Commissioning.Core.Standards.StandardsCatalogue>();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();

app.Run();
