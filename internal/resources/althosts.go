package resources

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// explainAltHosts says what to do when Zoom refuses an alternative host. Alternative hosts must be active,
// licensed users of the same account other than the host (Zoom support article KB0082130); the specs document
// no error code of their own for it, so the answer is recognised by its message naming an alternative host.
// The configured entry the message names is repeated, so the user knows whom to license or remove.
func explainAltHosts(err error, settings types.Object, noun string) error {
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || !strings.Contains(strings.ToLower(apiErr.Message), "alternative host") {
		return err
	}
	var named []string
	if v, ok := attrsOf(settings)["alternative_hosts"].(types.Set); ok && !v.IsNull() && !v.IsUnknown() {
		for _, e := range v.Elements() {
			if s, ok := e.(types.String); ok && strings.Contains(strings.ToLower(apiErr.Message), strings.ToLower(s.ValueString())) {
				named = append(named, s.ValueString())
			}
		}
	}
	who := "Each alternative host"
	if len(named) > 0 {
		who = strings.Join(named, ", ")
	}
	return fmt.Errorf("%w\n\n%s must be an active, licensed user of this Zoom account other than the host: a "+
		"Basic user, a pending or deactivated user, or someone outside the account cannot be an alternative host. "+
		"Give the user a licence (Zoom portal > User Management > Users, or zoom_user type = 2) or remove them from "+
		"settings.alternative_hosts of the %s", err, who, noun)
}
