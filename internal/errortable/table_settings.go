package errortable

// Rows of the settings operations (zoom_account_settings, zoom_account_lock_settings, zoom_group_settings,
// zoom_group_lock_settings, zoom_user_settings and the settings data sources). They are appended to the table here
// so that the areas' rows stay together.

// userSettingsTest meets the licence answers of userSettingsUpdate through Terraform.
const userSettingsTest = "internal/resources.TestAccSettings_matrix"

const (
	paidOnlyWhen = "The account is on the free plan: settings and lock settings need a paid (Pro or higher) account."
	paidOnlyAct  = "Upgrade the account to a paid plan; a free account has no settings Terraform can manage."
	paidUnder200 = "Zoom lists the paid-plan refusal under the success status; it arrives as HTTP 400 code 200, the row " +
		"that follows"
	meAccount  = "the provider always names the account it is configured for (`me`), which exists"
	noEvents2  = "the provider never sends the Zoom Events feature"
	noConcurr  = "the provider never sends the Concurrent Meeting features"
	noIQ       = "the provider never sends the Zoom IQ for Sales or Zoom Whiteboard licences"
	groupGone  = "The group was deleted outside Terraform."
	groupGoneA = "Nothing to do: the refresh removes the group's settings from the state (they went with the group)."
)

func settingsPaidOnly(op string, documented bool) Row {
	x := r(op, 400, 200, paidOnlyWhen).diag(paidOnlyAct, false).sbx()
	if !documented {
		x = x.extra()
	}
	return x
}

var settingsRows = []Row{
	// ---- zoom_account_settings: GET/PATCH /accounts/{accountId}/settings
	r("accountSettings", 200, 200, paidOnlyWhen).unreachable(paidUnder200),
	settingsPaidOnly("accountSettings", false),
	r("accountSettings", 404, 2001, "The account does not exist.").unreachable(meAccount),
	r("accountSettingsUpdate", 200, 200, paidOnlyWhen).unreachable(paidUnder200),
	settingsPaidOnly("accountSettingsUpdate", false),
	r("accountSettingsUpdate", 300, 300, "A list of domains is invalid.").
		unreachable("Zoom documents this answer with status 300, which is no error status; the provider manages no domain " +
			"settings, and a refused value arrives as HTTP 400 code 300 (next row)"),
	r("accountSettingsUpdate", 400, 300, "A value is refused (outside its enumeration or of the wrong type).").
		diag("Fix the value Zoom names; the provider checks enumerations at plan time, so this means Zoom's list changed.", false).
		sbx().extra(),
	r("accountSettingsUpdate", 404, 2001, "The account does not exist.").unreachable(meAccount),

	// ---- zoom_account_lock_settings: GET/PATCH /accounts/{accountId}/lock_settings
	r("getAccountLockSettings", 200, 200, paidOnlyWhen).unreachable(paidUnder200),
	settingsPaidOnly("getAccountLockSettings", false),
	r("getAccountLockSettings", 400, 2001, "The sub account does not exist.").unreachable(meAccount),
	r("updateAccountLockSettings", 200, 200, paidOnlyWhen).unreachable(paidUnder200),
	settingsPaidOnly("updateAccountLockSettings", false),
	r("updateAccountLockSettings", 404, 2001, "The sub account does not exist.").unreachable(meAccount),

	// ---- zoom_group_settings: GET/PATCH /groups/{groupId}/settings
	r("getGroupSettings", 404, 4130, groupGone).handled(Gone, groupGoneA).sbx(),
	settingsPaidOnly("updateGroupSettings", true),
	r("updateGroupSettings", 404, 4130, groupGone).
		diag("Check group_id; if the group was deleted, create it again (zoom_group) or remove the settings resource.", false).sbx(),

	// ---- zoom_group_lock_settings: GET/PATCH /groups/{groupId}/lock_settings
	settingsPaidOnly("getGroupLockSettings", true),
	r("getGroupLockSettings", 404, 4130, groupGone).handled(Gone, groupGoneA).sbx(),
	settingsPaidOnly("groupLockedSettings", true),
	r("groupLockedSettings", 404, 4130, groupGone).
		diag("Check group_id; if the group was deleted, create it again (zoom_group) or remove the lock settings resource.", false).sbx(),

	// ---- zoom_user_settings: GET/PATCH /users/{userId}/settings
	r("userSettings", 400, 1120, "The user's invitation expired; the user ID is no longer valid.").
		diag("Invite the user again (zoom_user) and point user_id at the new user.", false).
		notModelled("the sandbox does not expire invitations"),
	r("userSettings", 404, 1001, "The user was deleted outside Terraform.").
		handled(Gone, "Nothing to do: the refresh removes the user's settings from the state (they went with the user).").sbx(),
	withTF(r("userSettingsUpdate", 400, 200, "A licence the account cannot grant: no free seat of the Webinar or Large "+
		"Meetings add-on with that capacity, or a plan without the add-on.").
		diag("Buy or free a seat of the add-on the provider's error names, or remove the licence from feature; the "+
			"other settings of the apply are written (each add-on is sent in a request of its own).", true).sbx(),
		`cannot give this user the Webinar add-on(.|\n)*You can add max 1 Webinar 500 users`),
	r("userSettingsUpdate", 400, 300, "A value is refused (outside its enumeration or of the wrong type), or a Zoom "+
		"Events capacity cannot be lowered.").
		diag("Fix the value Zoom names; the provider checks enumerations at plan time.", false).sbx(),
	r("userSettingsUpdate", 400, 1108, "The Large Meetings add-on was given to a user who is not Licensed.").
		diag("Make the user Licensed (zoom_user type = 2) before giving the add-on.", true).sbx(),
	r("userSettingsUpdate", 400, 1120, "The user's invitation expired; the user ID is no longer valid.").
		diag("Invite the user again (zoom_user) and point user_id at the new user.", false).
		notModelled("the sandbox does not expire invitations"),
	r("userSettingsUpdate", 400, 1122, "The Webinar add-on was given to a user who is not Licensed.").
		diag("Make the user Licensed (zoom_user type = 2) before giving the add-on.", true).sbx(),
	r("userSettingsUpdate", 400, 1204, "The Webinar add-on was given to a user who has the Zoom Events feature.").
		diag("Remove the user's Zoom Events licence in the portal first.", false).notModelled(noEvents),
	r("userSettingsUpdate", 400, 1205, "The Zoom Events feature was given to a user with the Webinar add-on.").unreachable(noEvents2),
	r("userSettingsUpdate", 400, 1206, "The Zoom Events feature was given to a user who is not Licensed.").unreachable(noEvents2),
	r("userSettingsUpdate", 400, 1207, "The Concurrent Meeting feature was given to a user who is not Licensed.").unreachable(noConcurr),
	r("userSettingsUpdate", 400, 1208, "The Concurrent Meeting Basic feature cannot be given.").unreachable(noConcurr),
	r("userSettingsUpdate", 400, 1209, "No free Concurrent Meeting Basic seat.").unreachable(noConcurr),
	r("userSettingsUpdate", 400, 1210, "The Concurrent Meeting Plus feature cannot be given.").unreachable(noConcurr),
	r("userSettingsUpdate", 400, 1211, "No free Concurrent Meeting Plus seat.").unreachable(noConcurr),
	r("userSettingsUpdate", 400, 1228, "No free Zoom IQ for Sales or Zoom Whiteboard licence.").unreachable(noIQ),
	r("userSettingsUpdate", 400, 1233, "Zoom IQ for Sales or Zoom Whiteboard given to a Zoom Rooms user.").unreachable(noIQ),
	r("userSettingsUpdate", 400, 1234, "Zoom IQ for Sales given to an on-premise user.").unreachable(noIQ),
	r("userSettingsUpdate", 400, 1242, "Zoom Whiteboard and Zoom Whiteboard Plus given together.").unreachable(noIQ),
	r("userSettingsUpdate", 404, 1001, "The user was deleted outside Terraform.").
		diag("Run terraform plan: the refresh removes the user's settings; point user_id at an existing user.", false).sbx(),
}

// withTF marks a row as met through the named settings acceptance test with the provider's message.
func withTF(x Row, message string) Row {
	x.Terraform, x.Message = userSettingsTest, message
	return x
}

func init() {
	table = append(table, settingsRows...)
	for _, op := range []string{"accountSettings", "getAccountLockSettings", "getGroupSettings", "getGroupLockSettings", "userSettings"} {
		verbs[op] = "read"
	}
	for _, op := range []string{"accountSettingsUpdate", "updateAccountLockSettings", "updateGroupSettings", "groupLockedSettings", "userSettingsUpdate"} {
		verbs[op] = "create or update"
	}
	for _, op := range []string{"accountSettings", "accountSettingsUpdate"} {
		areas[op] = "zoom_account_settings"
	}
	for _, op := range []string{"getAccountLockSettings", "updateAccountLockSettings"} {
		areas[op] = "zoom_account_lock_settings"
	}
	for _, op := range []string{"getGroupSettings", "updateGroupSettings"} {
		areas[op] = "zoom_group_settings"
	}
	for _, op := range []string{"getGroupLockSettings", "groupLockedSettings"} {
		areas[op] = "zoom_group_lock_settings"
	}
	for _, op := range []string{"userSettings", "userSettingsUpdate"} {
		areas[op] = "zoom_user_settings"
	}
}
