using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MotorTrace.Web.Components.Pages.Customers;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Customers;

namespace MotorTrace.Web.Endpoints;

public static partial class CustomerEndpoints
{
    public static void MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/customers").RequireAuthorization(Policies.CustomersRead);

        // The customer picker of other pages (appointment booking, new work order): htmx sends what is typed
        // (hx-get="/customers/lookup" with the input's name="q") and swaps in up to ten matches. With
        // field=CustomerId each match is a submit button of the caller's form (name=field, value=id);
        // without it, a link to the customer.
        customers.MapGet("/lookup", async (string? q, string? field, CustomerService service, IAuthorizationService authorization, HttpContext http) =>
        {
            var term = q?.Trim() ?? "";
            if (term.Length > Services.Grid.GridQuery.MaxSearchLength) term = term[..Services.Grid.GridQuery.MaxSearchLength];
            IReadOnlyList<CustomerMatch> matches = term.Length >= CustomerLookupResults.MinimumLength
                ? await service.SearchAsync(term, CustomerLookupResults.Limit)
                : [];
            return new RazorComponentResult<CustomerLookupResults>(new
            {
                Query = term,
                Matches = matches,
                Field = field is not null && FieldName().IsMatch(field) ? field : null,
                CanCreate = (await authorization.AuthorizeAsync(http.User, Policies.CustomersWrite)).Succeeded,
            });
        });
    }

    /// <summary>A form field name as Razor forms write them (<c>Input.CustomerId</c>, <c>Lines[0].Id</c>).</summary>
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\[\]]{0,99}$")]
    private static partial Regex FieldName();
}
