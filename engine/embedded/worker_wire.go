package embedded

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/query"
)

// workerRequest is what the parent sends the analyst worker on its stdin.
type workerRequest struct {
	Path    string       `json:"path"`     // the database file, opened read-only
	TempDir string       `json:"temp_dir"` // a private, empty directory
	SQL     string       `json:"sql"`
	MaxRows int          `json:"max_rows"`
	Limits  WorkerLimits `json:"limits"`
}

// workerResponse is what the worker writes on its stdout: a result or an error.
type workerResponse struct {
	Columns []wireColumn `json:"columns,omitempty"`
	Rows    [][]*string  `json:"rows,omitempty"`
	Error   *wireError   `json:"error,omitempty"`
}

type wireColumn struct {
	Name  string     `json:"name"`
	Kind  query.Kind `json:"kind"`
	Scale int        `json:"scale,omitempty"`
}

// wireError carries an error and which sentinel it matches.
type wireError struct {
	Kind    string `json:"kind"` // refused, too_many_rows, too_large or failed
	Message string `json:"message"`
}

// ErrResultTooLarge is returned (wrapped) when an analyst result would exceed
// WorkerLimits.MaxResultBytes.
var ErrResultTooLarge = errors.New("embedded: the analyst result is too large")

// errorKind names the sentinel err matches, for the wire.
func errorKind(err error) string {
	switch {
	case errors.Is(err, engine.ErrNotReadOnly):
		return "refused"
	case errors.Is(err, query.ErrTooManyRows):
		return "too_many_rows"
	case errors.Is(err, ErrResultTooLarge):
		return "too_large"
	}
	return "failed"
}

// asError turns a wire error back into one matching the same sentinel.
func (w *wireError) asError() error {
	switch w.Kind {
	case "refused":
		return fmt.Errorf("%w: %s", engine.ErrNotReadOnly, w.Message)
	case "too_many_rows":
		return fmt.Errorf("%w: %s", query.ErrTooManyRows, w.Message)
	case "too_large":
		return fmt.Errorf("%w: %s", ErrResultTooLarge, w.Message)
	}
	return fmt.Errorf("embedded: analyst query: %s", w.Message)
}

// encodeResult renders res for the wire, every value as exact text, and fails
// once the values pass maxBytes.
func encodeResult(res *query.Result, maxBytes int64) (workerResponse, error) {
	out := workerResponse{Columns: make([]wireColumn, len(res.Columns)), Rows: make([][]*string, 0, len(res.Rows))}
	for i, c := range res.Columns {
		out.Columns[i] = wireColumn{Name: c.Name, Kind: c.Kind, Scale: c.Scale}
	}
	var size int64
	for _, row := range res.Rows {
		cells := make([]*string, len(row))
		for i, v := range row {
			s, err := encodeCell(v)
			if err != nil {
				return workerResponse{}, fmt.Errorf("column %s: %w", res.Columns[i].Name, err)
			}
			if s != nil {
				size += int64(len(*s))
			}
			cells[i] = s
		}
		if size > maxBytes {
			return workerResponse{}, fmt.Errorf("%w: more than %d bytes", ErrResultTooLarge, maxBytes)
		}
		out.Rows = append(out.Rows, cells)
	}
	return out, nil
}

func encodeCell(v any) (*string, error) {
	var s string
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		s = x
	case decimal.Decimal:
		s = x.String()
	case int64:
		s = strconv.FormatInt(x, 10)
	case float64:
		s = strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		s = strconv.FormatBool(x)
	case time.Time:
		s = x.Format(time.RFC3339Nano)
	default:
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return &s, nil
}

// decodeResult rebuilds the result the worker encoded, with the Go types
// package query gives each kind.
func decodeResult(resp workerResponse) (*query.Result, error) {
	res := &query.Result{Columns: make([]query.Column, len(resp.Columns)), Rows: make([]query.Row, 0, len(resp.Rows))}
	for i, c := range resp.Columns {
		res.Columns[i] = query.Column{Name: c.Name, Kind: c.Kind, Scale: c.Scale}
	}
	for _, cells := range resp.Rows {
		if len(cells) != len(res.Columns) {
			return nil, fmt.Errorf("embedded: analyst worker sent a row of %d cells for %d columns", len(cells), len(res.Columns))
		}
		row := make(query.Row, len(cells))
		for i, s := range cells {
			v, err := decodeCell(s, res.Columns[i].Kind)
			if err != nil {
				return nil, fmt.Errorf("embedded: analyst worker: column %s: %w", res.Columns[i].Name, err)
			}
			row[i] = v
		}
		res.Rows = append(res.Rows, row)
	}
	return res, nil
}

func decodeCell(s *string, kind query.Kind) (any, error) {
	if s == nil {
		return nil, nil
	}
	switch kind {
	case query.KindDecimal:
		return decimal.NewFromString(*s)
	case query.KindInt:
		return strconv.ParseInt(*s, 10, 64)
	case query.KindFloat:
		return strconv.ParseFloat(*s, 64)
	case query.KindBool:
		return strconv.ParseBool(*s)
	case query.KindDate, query.KindTimestamp:
		return time.Parse(time.RFC3339Nano, *s)
	}
	return *s, nil
}

// marshal is json.Marshal for the wire types, which cannot fail.
func marshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
