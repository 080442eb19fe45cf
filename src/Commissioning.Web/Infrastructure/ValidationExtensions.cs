using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Commissioning.Web.Infrastructure;

/// <summary>The one path from a FluentValidation result to ModelState and the error summary.</summary>
public static class ValidationExtensions
{
    /// <summary>Copies each failure into ModelState under <paramref name="prefix"/>.PropertyName.</summary>
    public static void AddToModelState(this ValidationResult result, ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }
    }
}

/// <summary>The one path from the application layer's errors to ModelState.</summary>
public static class AppErrorExtensions
{
    /// <summary>Copies each error into ModelState under its form field, or the form as a whole when it has none.</summary>
    public static void AddToModelState(this IEnumerable<Commissioning.Application.AppError> errors, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var error in errors)
        {
            var key = error.Location is Commissioning.Application.FormFieldLocation field ? field.Field : string.Empty;
            modelState.AddModelError(key, error.Message);
        }
    }
}
