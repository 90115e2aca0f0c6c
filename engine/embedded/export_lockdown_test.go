package embedded

import "context"

// LockDown confines e for analyst SQL, with dir its one writable directory, as
// the first analyst query does.
func LockDown(ctx context.Context, e *Engine, dir string) error { return e.lockDown(ctx, dir) }
