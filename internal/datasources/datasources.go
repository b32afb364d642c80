// Package datasources implements the provider's data sources, one file per data source.
package datasources

import "github.com/hashicorp/terraform-plugin-framework/datasource"

// All lists the constructors of every data source the provider serves.
func All() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewUser,
		NewUsers,
		NewMeeting,
		NewMeetings,
		NewMeetingTemplates,
		NewWebinar,
		NewWebinars,
		NewWebinarTemplates,
		NewTrackingFields,
		// Roles.
		NewRole,
		NewRoles,
		NewGroup,
		NewGroups,
		NewGroupMembers,
		// settings (set15)
		NewAccountSettings,
		NewUserSettings,
	}
}
