package pipeline

// Phase names a step of the set-up, and the layer of the warehouse a validation
// checkpoint looks at.
type Phase string

// The set-up phases, in the order [Warehouse.Setup] runs them.
const (
	PhaseInfrastructure Phase = "infrastructure"
	PhaseRaw            Phase = "raw"
	PhaseStaging        Phase = "staging"
	PhaseMarts          Phase = "marts"
	PhaseSemantic       Phase = "semantic"
)

// Phases lists every phase in order.
func Phases() []Phase {
	return []Phase{PhaseInfrastructure, PhaseRaw, PhaseStaging, PhaseMarts, PhaseSemantic}
}

// Valid reports whether p is one of [Phases].
func (p Phase) Valid() bool {
	for _, q := range Phases() {
		if p == q {
			return true
		}
	}
	return false
}
