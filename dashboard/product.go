package dashboard

import (
	"context"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
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

// ProductDetail is one product's months and its rank by revenue within its
// category over the period (1 is first; ties share a rank).
type ProductDetail struct {
	Product  ProductInfo     `json:"product"`
	Revenue  decimal.Decimal `json:"revenue"`
	Months   []MonthPoint    `json:"months"`
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
		cats, src, err := e.aggregate(aggReq{dims: []dim{dimCategory}, measures: mRevenue | mUnits, f: f, from: p.From, to: p.To})
		if err != nil {
			return nil, err
		}
		m.source(TableCategories, src)
		base, err := e.baseRevenue(m, f, dimCategory)
		if err != nil {
			return nil, err
		}
		all := total(cats)
		for _, r := range sortByRevenue(cats, categoryLabel) {
			row := CategoryRow{Category: r.Category, Revenue: r.Revenue, Units: r.Units, Share: ratio(r.Revenue, all, 4), Drill: f.WithCategory(r.Category)}
			if base != nil {
				row.Growth = changeOf(r.Revenue, valid(base[r.key()].Revenue))
			}
			v.Categories = append(v.Categories, row)
		}

		prods, src, err := e.aggregate(aggReq{dims: []dim{dimProduct}, measures: mRevenue | mUnits, f: f, from: p.From, to: p.To})
		if err != nil {
			return nil, err
		}
		m.source(TableTopProducts, src)
		m.source(TableBottomProduct, src)
		drill := func(r aggRow) Filter { return f.WithProduct(r.ID) }
		v.Top = shares(prods, n, idLabel, drill, f)
		v.Bottom = bottom(prods, n, drill, f)

		id := o.Product
		if id == 0 && len(f.Products) == 1 {
			id = f.Products[0]
		}
		if id != 0 {
			info, ok := e.cat.Products[id]
			if !ok {
				return nil, fmt.Errorf("%w: unknown product %d (valid: ids %s)", ErrInvalidFilter, id, idRange(e.cat.Products))
			}
			pf := f.WithProduct(id)
			pf.Categories = nil // the product fixes its category
			months, src, err := e.aggregate(aggReq{dims: []dim{dimMonth}, measures: mRevenue | mOrders | mUnits, f: pf, from: p.From, to: p.To})
			if err != nil {
				return nil, err
			}
			m.source(TableProductMonths, src)
			cf := f.WithCategory(info.Category)
			cf.Products = nil
			peers, _, err := e.aggregate(aggReq{dims: []dim{dimProduct}, measures: mRevenue, f: cf, from: p.From, to: p.To})
			if err != nil {
				return nil, err
			}
			det := &ProductDetail{Product: info, Revenue: total(months), Months: monthPoints(months, p, pf, e.cat.bounds()), RankOf: len(peers), Category: cf}
			det.Rank = 1
			for _, r := range peers {
				if r.Revenue.GreaterThan(det.Revenue) {
					det.Rank++
				}
			}
			if det.Revenue.IsZero() && !slices.ContainsFunc(peers, func(r aggRow) bool { return r.ID == id }) {
				det.Rank = 0 // no sales in the period: unranked
			}
			v.Detail = det
		}
		return v, nil
	})
}

// bottom lists the n products of lowest revenue (ties by id), lowest first, each
// ranked from the top, and an Other row for the rest.
func bottom(rows []aggRow, n int, drill func(aggRow) Filter, parent Filter) []Share {
	ranked := shares(rows, 0, idLabel, drill, parent) // every row, ranked from the top
	slices.SortStableFunc(ranked, func(a, b Share) int {
		if c := a.Revenue.Cmp(b.Revenue); c != 0 {
			return c
		}
		return int(a.ID - b.ID)
	})
	if n <= 0 || len(ranked) <= n {
		return ranked
	}
	rest := decimal.Zero
	for _, s := range ranked[n:] {
		rest = rest.Add(s.Revenue)
	}
	all := total(rows)
	return append(ranked[:n:n], Share{Key: "Other", Name: "Other", Revenue: rest, Share: ratio(rest, all, 4), Other: true, Count: len(ranked) - n, Drill: parent})
}
