package resources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomevent"
)

// What zoom_meeting and zoom_webinar share beyond package zoomevent: their IDs.

// eventNumber parses the meeting or webinar number held in the state's ID.
func eventNumber(m *zoomevent.EventCommon, noun string, diags *diag.Diagnostics) (int64, bool) {
	id, err := client.ParseMeetingID(m.ID.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("id"), "Invalid "+noun+" ID",
			fmt.Sprintf("%q is not a Zoom %s ID (a number such as 85746065432).", m.ID.ValueString(), noun))
		return 0, false
	}
	return id, true
}

// importEvent accepts a meeting or webinar number.
func importEvent(ctx context.Context, noun string, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := strings.TrimSpace(req.ID)
	if _, err := client.ParseMeetingID(id); err != nil {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import a Zoom %[1]s by its %[1]s ID (a number such as 85746065432), not %[2]q.", noun, req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("notify_on_destroy"), false)...)
}
