// Command terraform-provider-zoom serves the Zoom provider to Terraform over the plugin protocol.
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"runtime/debug"

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
	tuneGC(os.Getenv("GOGC"))
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

// gcPercent is the garbage collector's target heap growth when GOGC is not set. The provider keeps little live
// data but allocates heavily per RPC in the plugin framework's value conversions, so with Go's default of 100 a
// large share of its CPU went to collections (on the benchmark's 410-resource graph, 400 took 8-17% off the
// provider's CPU per phase and multiplied its peak memory by 2 to 2.6); 200 collects half as often for about half that memory.
// The soft memory limit makes the collector work harder again before the heap gets large.
const (
	gcPercent   = 200
	memoryLimit = 512 << 20
)

// tuneGC applies gcPercent and memoryLimit unless the user set GOGC (gogc), whose value then stands.
func tuneGC(gogc string) {
	if gogc != "" {
		return
	}
	debug.SetGCPercent(gcPercent)
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
