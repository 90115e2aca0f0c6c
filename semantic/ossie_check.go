package semantic

import (
	"strings"
)

// check applies the rules of the document's version's JSON Schema that
// decoding does not (required keys, minimum lengths, the closed lists of
// dialects, vendors and datatypes) and the reader's own: exactly one semantic
// model, an expression it can read, equal-length join columns.
func (r *ossieReader) check(doc *ossieDoc) {
	v := OssieVersion(doc.Version)
	switch {
	case doc.Version == "":
		r.ps.errorf("version", "version is required (%s or %s)", Ossie011, Ossie02)
		v = Ossie02 // check the rest by the wider lists
	case !v.Valid():
		r.ps.errorf("version", "version %q is not one Ossie version this package reads (%s, %s)", doc.Version, Ossie011, Ossie02)
		return
	}
	switch len(doc.SemanticModel) {
	case 0:
		r.ps.errorf("semantic_model", "semantic_model is required: a list with one semantic model")
		return
	case 1:
	default:
		r.ps.errorf(indexPath("semantic_model", 1), "semantic_model has %d models; a document read into one Model holds exactly one", len(doc.SemanticModel))
	}
	c := &ossieChecker{r: r, v: v}
	c.model("semantic_model[0]", &doc.SemanticModel[0])
}

type ossieChecker struct {
	r *ossieReader
	v OssieVersion
}

func (c *ossieChecker) required(path, key, val string) {
	if strings.TrimSpace(val) == "" {
		c.r.ps.errorf(join(path, key), "%s is required", key)
	}
}

func (c *ossieChecker) model(p string, m *ossieModel) {
	c.required(p, "name", m.Name)
	if len(m.Datasets) == 0 {
		c.r.ps.errorf(join(p, "datasets"), "datasets is required: at least one dataset")
	}
	for i := range m.Datasets {
		c.dataset(indexPath(join(p, "datasets"), i), &m.Datasets[i])
	}
	for i, rel := range m.Relationships {
		rp := indexPath(join(p, "relationships"), i)
		c.required(rp, "name", rel.Name)
		c.required(rp, "from", rel.From)
		c.required(rp, "to", rel.To)
		switch {
		case len(rel.FromColumns) == 0:
			c.r.ps.errorf(join(rp, "from_columns"), "from_columns is required: at least one column")
		case len(rel.ToColumns) == 0:
			c.r.ps.errorf(join(rp, "to_columns"), "to_columns is required: at least one column")
		case len(rel.FromColumns) != len(rel.ToColumns):
			c.r.ps.errorf(join(rp, "to_columns"), "to_columns has %d columns and from_columns %d; they pair up in order", len(rel.ToColumns), len(rel.FromColumns))
		}
		c.extensions(rp, rel.CustomExtensions)
	}
	for i := range m.Metrics {
		mp := indexPath(join(p, "metrics"), i)
		x := &m.Metrics[i]
		c.required(mp, "name", x.Name)
		c.expression(mp, x.Expression)
		c.dataType(mp, x.DataType)
		c.extensions(mp, x.CustomExtensions)
	}
	c.extensions(p, m.CustomExtensions)
}

func (c *ossieChecker) dataset(p string, ds *ossieDataset) {
	c.required(p, "name", ds.Name)
	c.required(p, "source", ds.Source)
	for i := range ds.Fields {
		fp := indexPath(join(p, "fields"), i)
		f := &ds.Fields[i]
		c.required(fp, "name", f.Name)
		c.expression(fp, f.Expression)
		c.dataType(fp, f.DataType)
		c.extensions(fp, f.CustomExtensions)
	}
	c.extensions(p, ds.CustomExtensions)
}

// expression checks the dialect list and that one expression is SNOWFLAKE or
// ANSI_SQL, the dialects the model's SQL can be read from.
func (c *ossieChecker) expression(p string, e ossieExpression) {
	ep := join(join(p, "expression"), "dialects")
	if len(e.Dialects) == 0 {
		c.r.ps.errorf(ep, "expression.dialects is required: at least one dialect expression")
		return
	}
	readable := false
	for i, d := range e.Dialects {
		dp := indexPath(ep, i)
		switch {
		case d.Dialect == "":
			c.r.ps.errorf(join(dp, "dialect"), "dialect is required")
		case !oneOf(d.Dialect, ossieDialects[c.v]):
			c.r.ps.errorf(join(dp, "dialect"), "dialect %q is not an Ossie %s dialect (valid: %s)", d.Dialect, c.v, strings.Join(ossieDialects[c.v], ", "))
		case d.Dialect == ossieSnowflake || d.Dialect == "ANSI_SQL":
			readable = true
			c.required(dp, "expression", d.Expression)
		}
	}
	if !readable {
		c.r.ps.errorf(ep, "no SNOWFLAKE or ANSI_SQL expression; the model can read only those")
	}
}

func (c *ossieChecker) dataType(p, t string) {
	switch {
	case t == "":
	case c.v == Ossie011:
		c.r.ps.errorf(join(p, "datatype"), "datatype is an Ossie 0.2 key; this document's version is %s", c.v)
	case !oneOf(t, ossieDataTypes):
		c.r.ps.errorf(join(p, "datatype"), "datatype %q is not valid (valid: %s)", t, strings.Join(ossieDataTypes, ", "))
	}
}

func (c *ossieChecker) extensions(p string, exts []ossieExtension) {
	for i, e := range exts {
		ep := indexPath(join(p, "custom_extensions"), i)
		c.required(ep, "vendor_name", e.VendorName)
		if c.v == Ossie011 && e.VendorName != "" && !oneOf(e.VendorName, ossieVendors011) {
			c.r.ps.errorf(join(ep, "vendor_name"), "vendor_name %q is not an Ossie 0.1.1 vendor (valid: %s)", e.VendorName, strings.Join(ossieVendors011, ", "))
		}
		c.required(ep, "data", e.Data)
	}
}
