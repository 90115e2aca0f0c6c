package datagen

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"time"
)

// Checksum returns a SHA-256 over the canonical text of every generated row of every
// table, in load order. Two generators with equal configs always agree; a change to
// any row, vocabulary or rule changes it.
func (g *Generator) Checksum() string {
	h := sha256.New()
	var b []byte
	line := func() {
		b = append(b, '\n')
		h.Write(b)
		b = b[:0]
	}
	for i := int64(0); i < g.customers; i++ {
		c := g.Customer(i)
		b = fields(b, strconv.FormatInt(c.ID, 10), c.Name, c.Email, c.Segment, c.Industry, c.City, c.State, c.CreatedAt.Format(time.RFC3339))
		line()
	}
	for _, p := range g.products {
		b = fields(b, strconv.FormatInt(p.ID, 10), p.Name, p.Category, p.UnitPrice.String(), p.UnitCost.String())
		line()
	}
	for _, r := range g.reps {
		b = fields(b, strconv.FormatInt(r.ID, 10), r.Name, r.Email, r.Region, r.HireDate.Format(time.DateOnly), r.AnnualQuota.String())
		line()
	}
	for i := int64(0); i < g.orders; i++ {
		o := g.Order(i)
		cust := "NULL"
		if o.HasCustomer {
			cust = strconv.FormatInt(o.CustomerID, 10)
		}
		b = fields(b, strconv.FormatInt(o.ID, 10), cust, strconv.FormatInt(o.ProductID, 10),
			strconv.FormatInt(o.RepID, 10), o.OrderDate.Format(time.DateOnly), strconv.FormatInt(o.Quantity, 10),
			o.UnitPrice.String(), o.Discount.String(), o.Status, o.Channel, o.LoadedAt.Format(time.RFC3339))
		line()
	}
	return hex.EncodeToString(h.Sum(nil))
}

func fields(b []byte, fs ...string) []byte {
	for i, f := range fs {
		if i > 0 {
			b = append(b, '\t')
		}
		b = append(b, f...)
	}
	return b
}
