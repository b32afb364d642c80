// Command gen writes the troubleshooting guide template (templates/guides/troubleshooting.md.tmpl) from the
// error-conformance table; `make docs` then renders it into docs/guides/.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/errortable"
)

func main() {
	out := flag.String("out", errortable.GuidePath, "the template to write")
	flag.Parse()
	if err := os.WriteFile(*out, []byte(errortable.Guide()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
