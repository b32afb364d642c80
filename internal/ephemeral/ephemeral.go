// Package ephemeral implements the provider's ephemeral resources (Terraform 1.10 and later), one file per
// ephemeral resource. Their results are secrets that expire; Terraform never writes them to a plan or a state.
package ephemeral

import (
	ephem "github.com/hashicorp/terraform-plugin-framework/ephemeral"
)

// All lists the constructors of every ephemeral resource the provider serves.
func All() []func() ephem.EphemeralResource {
	return []func() ephem.EphemeralResource{
		NewAccessToken,
		NewMeetingStartURL,
	}
}
