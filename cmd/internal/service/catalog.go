package service

import (
	"strings"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// Field describes one metric, dimension or named filter of the model.
type Field struct {
	Name         string   `json:"name" jsonschema:"the name to use in a request"`
	Kind         string   `json:"kind" jsonschema:"metric, dimension, time_dimension, fact or filter"`
	Table        string   `json:"table,omitempty" jsonschema:"the logical table holding it"`
	Description  string   `json:"description,omitempty"`
	Synonyms     []string `json:"synonyms,omitempty" jsonschema:"other names a request may use"`
	DataType     string   `json:"data_type,omitempty"`
	SampleValues []string `json:"sample_values,omitempty" jsonschema:"example values, from the model"`
	Expr         string   `json:"expr,omitempty" jsonschema:"its SQL expression in the model"`
}

// Metrics lists the model's metrics.
func (s *Service) Metrics() []Field { return s.fields(semantic.KindMetric) }

// Dimensions lists the model's dimensions and time dimensions, with synonyms
// and sample values.
func (s *Service) Dimensions() []Field {
	return s.fields(semantic.KindDimension, semantic.KindTimeDimension)
}

// Facts lists the model's facts (row-level numbers a where may compare).
func (s *Service) Facts() []Field { return s.fields(semantic.KindFact) }

// Filters lists the model's named filters.
func (s *Service) Filters() []Field { return s.fields(semantic.KindFilter) }

// Describe returns the field a name or synonym names, of any kind; an unknown
// name is a *semantic.LookupError listing the valid names and the closest.
func (s *Service) Describe(name string) (Field, error) {
	f, err := s.model.Lookup(name)
	if err != nil {
		return Field{}, err
	}
	return field(f), nil
}

func (s *Service) fields(kinds ...semantic.FieldKind) []Field {
	out := []Field{}
	for _, f := range s.model.Fields() {
		for _, k := range kinds {
			if f.Kind == k {
				out = append(out, field(f))
			}
		}
	}
	return out
}

func field(f semantic.Field) Field {
	return Field{Name: f.Name, Kind: string(f.Kind), Table: f.Table, Description: strings.TrimSpace(f.Description),
		Synonyms: f.Synonyms, DataType: string(f.DataType), SampleValues: f.SampleValues, Expr: f.Expr}
}
