package resources

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// checkPasscode refuses at plan time a configured passcode Zoom would refuse, but only when it is going to be
// sent: on create, or when it differs from the passcode in state. A passcode Zoom generated (accounts whose
// passcode rules ask for special characters get ones like "k3P9x(") may hold characters a request may not
// send; written into the configuration after an import it equals the state, is never sent, and so is accepted.
func checkPasscode(spec eventSpec, config, state types.String, creating bool, d *diag.Diagnostics) {
	if config.IsNull() || config.IsUnknown() {
		return
	}
	if !creating && config.Equal(state) {
		return
	}
	if !spec.passcode.MatchString(config.ValueString()) {
		d.AddAttributeError(path.Root("password"), "Invalid passcode",
			"password must be 1 to 10 characters from "+spec.passcodeChars+" (what Zoom accepts in a request); "+
				"a passcode Zoom generated with other characters is accepted only while it stays unchanged.")
	}
}
