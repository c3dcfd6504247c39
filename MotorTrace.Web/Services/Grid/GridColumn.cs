namespace MotorTrace.Web.Services.Grid;

/// <summary>
/// A column header of <c>DataGrid</c>. Columns with a <paramref name="SortKey"/> get a sort link; the key must
/// be one of the list's <see cref="GridSortMap{T}"/> keys. <paramref name="Class"/> goes on the header cell
/// (e.g. <c>text-end</c>, or <c>d-none d-lg-table-cell</c> to hide a column on small screens; the row
/// template repeats it on its cells). <paramref name="DescendingFirst"/>: the first click sorts newest or
/// largest first.
/// </summary>
public sealed record GridColumn(string Title, string? SortKey = null, string? Class = null, bool DescendingFirst = false);
