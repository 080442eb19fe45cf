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
