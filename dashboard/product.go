package dashboard

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/query"
)

// ProductOptions tune [Dashboard.Product].
type ProductOptions struct {
	// Compare is the comparison of each category's growth; empty means ComparePrevious.
	Compare Compare
	// TopN is the length of the top and bottom lists; zero means the dashboard's TopN.
	TopN int
	// Product, when set, adds that product's monthly trend and rank within its
	// category; when the filter names exactly one product, that one is detailed.
	Product int64
}

// Product is the product view: category performance, the top and bottom products,
// and one product's monthly trend and rank within its category.
type Product struct {
	Meta
	Categories []CategoryRow  `json:"categories"`
	Top        []Share        `json:"top"`
	Bottom     []Share        `json:"bottom"`
	Detail     *ProductDetail `json:"detail,omitempty"`
}

// CategoryRow is one category over the period.
type CategoryRow struct {
	Category string              `json:"category"`
	Revenue  decimal.Decimal     `json:"revenue"`
	Units    int64               `json:"units"`
	Share    decimal.NullDecimal `json:"share"`
	Growth   Change              `json:"growth"`
	Drill    Filter              `json:"drill"`
}

// ProductDetail is one product's figures over the period, its months (every
// month of the period with data, zero without orders, each with its change on
// the month before) and its rank by revenue within its category over the
// period (1 is first; ties share a rank).
type ProductDetail struct {
	Product  ProductInfo     `json:"product"`
	Revenue  decimal.Decimal `json:"revenue"`
	Orders   int64           `json:"orders"`
	Units    int64           `json:"units"`
	Months   []DrillMonth    `json:"months"`
	Rank     int             `json:"rank"`
	RankOf   int             `json:"rank_of"` // products of the category with sales in the period
	Category Filter          `json:"category_drill"`
}

// The names of the product view's tables.
const (
	TableCategories    = "categories"
	TableTopProducts   = "top_products"
	TableBottomProduct = "bottom_products"
	TableProductMonths = "product_months"
)

// Product computes the product view of f.
func (d *Dashboard) Product(ctx context.Context, f Filter, o ProductOptions) (Product, error) {
	n, err := d.topN(o.TopN)
	if err != nil {
		return Product{}, err
	}
	return run[Product](ctx, d, "product", fmt.Sprintf("%d/%d", n, o.Product), f, o.Compare, func(e *env, m *Meta) (*Product, error) {
		v := &Product{}
		p := m.Period
		cats, src, err := e.run(byRevenue(withShare(compared(by(ask(f, p.From, p.To, "revenue", "units_sold", "orders"), "category"), m, "revenue"))))
		if err != nil {
			return nil, err
		}
		m.source(TableCategories, src)
		for i := range cats.rows {
			c := cats.str(i, "category")
			v.Categories = append(v.Categories, CategoryRow{Category: c, Revenue: cats.dec(i, "revenue"), Units: cats.count(i, "units_sold"),
				Share: cats.null(i, "revenue_share"), Growth: cats.change(i, "revenue"), Drill: f.WithCategory(c)})
		}

		products := withShare(by(ask(f, p.From, p.To, "revenue"), "product_id"))
		top, src, err := e.run(ranked(products, n))
		if err != nil {
			return nil, err
		}
		m.source(TableTopProducts, src)
		v.Top = e.productShares(top, f, 0)
		low, src, err := e.run(lowest(products, n))
		if err != nil {
			return nil, err
		}
		m.source(TableBottomProduct, src)
		v.Bottom = e.productShares(low, f, partsOf(v.Top))

		if id := drilled(o.Product, f.Products); id != 0 {
			det, err := e.productDetail(m, f, id)
			if err != nil {
				return nil, err
			}
			v.Detail = det
		}
		return v, nil
	})
}

// productShares reads a ranked list of products. A bottom list (of parts
// products with sales) is ranked from the top: its positions count down from
// parts.
func (e *env) productShares(t table, f Filter, parts int) []Share {
	out := make([]Share, 0, len(t.rows))
	for i := range t.rows {
		id := t.count(i, "product_id")
		s := t.share(i, fmt.Sprint(id), e.cat.Products[id].Name, id, f.WithProduct(id), f)
		if parts > 0 && !s.Other {
			s.Rank = parts + 1 - s.Rank
		}
		out = append(out, s)
	}
	return out
}

// productDetail is product id's months over the view's period and its rank by
// revenue among the products of its category (ties share a rank).
func (e *env) productDetail(m *Meta, f Filter, id int64) (*ProductDetail, error) {
	p := m.Period
	info, ok := e.cat.Products[id]
	if !ok {
		return nil, fmt.Errorf("%w: unknown product %d (valid: ids %s)", ErrInvalidFilter, id, idRange(e.cat.Products))
	}
	pf := f.WithProduct(id)
	pf.Categories = nil // the product fixes its category
	months, src, err := e.run(monthly(ask(pf, p.From, p.To, "revenue", "orders", "units_sold")))
	if err != nil {
		return nil, err
	}
	m.source(TableProductMonths, src)
	cf := f.WithCategory(info.Category)
	cf.Products = nil
	peers := by(ask(cf, p.From, p.To, "revenue"), "product_id")
	peers.Rank = &query.Rank{By: "revenue", Ties: true}
	ranks, _, err := e.run(peers)
	if err != nil {
		return nil, err
	}
	det := &ProductDetail{Product: info, Revenue: decimal.Zero, Months: e.drillMonths(months, p, pf), RankOf: len(ranks.rows), Category: cf}
	for _, m := range det.Months {
		det.Revenue, det.Orders, det.Units = det.Revenue.Add(m.Revenue), det.Orders+m.Orders, det.Units+m.Units
	}
	for i := range ranks.rows {
		if ranks.count(i, "product_id") == id {
			det.Rank = int(ranks.count(i, "rank"))
		}
	}
	return det, nil
}
