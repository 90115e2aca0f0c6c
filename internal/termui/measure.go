package termui

// Width is the number of terminal columns s takes once [Clean]ed: colour
// sequences count none, wide characters two. Programs that lay out text of
// their own measure it with Width, as this package's tables do.
func Width(s string) int { return width(s) }
