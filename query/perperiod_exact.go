package query

import (
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// rateScale is the scale a rate per month is carried at before the sum over a
// date range is rounded once, to the rate's declared scale.
const rateScale = 12

// rateValue returns the SQL of the fact a rate per month sums, and the type its
// sum is rounded to. A fact that is a quotient (the monthly quota, a twelfth of
// the annual) is divided at rateScale places here, not rounded to its declared
// scale: the months of a range are summed first and the sum is rounded once, so
// a year of a rep's monthly quota is the annual quota to the cent, not twelve
// rounded twelfths. A whole month alone still rounds to the declared twelfth.
func (c *Compiler) rateValue(f semantic.Field) (string, typ, error) {
	declared := c.render(f)
	ast, err := c.parsed(f)
	if err != nil {
		return "", tNull, err
	}
	div, ok := ast.(sqlparse.Binary)
	if !ok || div.Op != "/" {
		return declared.sql, declared.typ, nil
	}
	r := &renderer{c: c, d: c.d, alias: c.aliasOf(f.Table), depth: 1}
	num, nt, err := r.render(div.L)
	if err != nil {
		return "", tNull, err
	}
	den, dt, err := r.render(unguarded(div.R))
	if err != nil {
		return "", tNull, err
	}
	return "(" + c.d.DivRound(num, den, nt.scale, dt.scale, rateScale) + ")", declared.typ, nil
}
