package web

import (
	"bytes"
	"context"
	"net/http"
	"net/url"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// view computes the view behind a page, as the exporter of its tables.
func (s *site) view(ctx context.Context, page string, r request) (dashboard.Exporter, error) {
	switch page {
	case "executive":
		return s.d.Executive(ctx, r.f, dashboard.ExecutiveOptions{Compare: r.cmp})
	case "regional":
		return s.d.Regional(ctx, r.f, dashboard.RegionalOptions{Compare: r.cmp})
	case "product":
		return s.d.Product(ctx, r.f, dashboard.ProductOptions{Compare: r.cmp})
	case "reps":
		return s.d.Reps(ctx, r.f, dashboard.RepsOptions{Compare: r.cmp})
	case "customers":
		return s.d.Customers(ctx, r.f, dashboard.CustomersOptions{Compare: r.cmp})
	}
	return nil, &Error{Status: http.StatusNotFound, Message: "There is no view behind page " + page + "."}
}

// export writes one table of a page's view as the view's own CSV export (the
// same rows, exact decimals) without the columns that only serve the pages,
// named for what it holds: executive-regions-2025-West.csv.
func (s *site) export(ctx context.Context, page, table string, q url.Values) (File, error) {
	r, err := s.parse(ctx, q)
	if err != nil {
		return File{}, err
	}
	v, err := s.view(ctx, page, r)
	if err != nil {
		return File{}, viewError(err)
	}
	for _, t := range v.Tables() {
		if t.Name == table {
			var buf bytes.Buffer
			err := dashboard.WriteCSV(&buf, dashboard.PublicTable(t))
			return File{Name: dashboard.ExportName(page, table, r.f), Body: buf.Bytes()}, err
		}
	}
	return File{}, &Error{Status: http.StatusNotFound, Message: "Page " + page + " has no table " + table + " for this filter."}
}
