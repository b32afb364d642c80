// Command terraform-provider-zoom serves the Zoom provider to Terraform over the plugin protocol.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/procstats"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/provider"
)

// version is set by the release build through -ldflags "-X main.version=...".
var version = "dev"

// providerAddress is the registry address Terraform uses for this provider.
const providerAddress = "registry.terraform.io/zoom-terraform/zoom"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers such as delve")
	flag.Parse()

	// ZOOM_PROVIDER_CPUPROFILE_DIR / ZOOM_PROVIDER_STATS_DIR: a CPU profile and CPU/memory figures of this
	// process (see internal/procstats); Terraform stops the provider gracefully, so Serve returns.
	stop := procstats.Start()
	// The plugin libraries log at TRACE unless told otherwise; log only at the level Terraform reads.
	provider.MatchLogLevelToReader()
	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: providerAddress,
		Debug:   debug,
	})
	stop()
	if err != nil {
		log.Fatal(err.Error())
	}
}
