package client

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"
)

// UsersService is the Zoom Users API (Zoom's User API spec; docs/development/zoom-api.md#users).
type UsersService service

// User actions for CreateUserRequest.Action.
const (
	// UserActionCreate invites the user by e-mail; the user stays pending until they accept.
	UserActionCreate = "create"
	// UserActionAutoCreate creates an e-mail-login user with a password (managed-domain accounts).
	UserActionAutoCreate = "autoCreate"
	// UserActionCustCreate creates an API user that cannot sign in (ISV accounts).
	UserActionCustCreate = "custCreate"
	// UserActionSSOCreate pre-provisions an SSO user.
	UserActionSSOCreate = "ssoCreate"
)

// User types (User.Type, CreateUserInfo.Type, UpdateUserRequest.Type).
const (
	// UserTypeBasic is a Basic (free) user.
	UserTypeBasic = 1
	// UserTypeLicensed is a licensed user.
	UserTypeLicensed = 2
	// UserTypeUnassigned is "Unassigned without Meetings Basic" (cannot host meetings).
	UserTypeUnassigned = 4
	// UserTypeNone is "None", settable only with ssoCreate.
	UserTypeNone = 99
)

// User statuses (User.Status, ListUsersOptions.Status).
const (
	// UserStatusActive is an active user.
	UserStatusActive = "active"
	// UserStatusInactive is a deactivated user.
	UserStatusInactive = "inactive"
	// UserStatusPending is an invited user who has not accepted yet.
	UserStatusPending = "pending"
)

// Actions for UpdateStatus.
const (
	// UserStatusActionActivate activates a deactivated user.
	UserStatusActionActivate = "activate"
	// UserStatusActionDeactivate deactivates a user.
	UserStatusActionDeactivate = "deactivate"
)

// Actions for DeleteUserOptions.Action.
const (
	// UserDeleteActionDisassociate unlinks the user from the account (Zoom's
	// default; the only way to remove a pending user).
	UserDeleteActionDisassociate = "disassociate"
	// UserDeleteActionDelete deletes the user permanently.
	UserDeleteActionDelete = "delete"
)

// User is a Zoom user as returned by GET /users/{userId}, the items of
// GET /users, and (partly) POST /users. Date-time fields are RFC 3339
// strings as Zoom sends them.
type User struct {
	// ID is the user ID (absent for pending users in lists).
	ID string `json:"id,omitempty"`
	// AccountID is the account's ID.
	AccountID string `json:"account_id,omitempty"`
	// AccountNumber is the account number.
	AccountNumber int64 `json:"account_number,omitempty"`
	// Cluster is the user's data cluster, e.g. "us05".
	Cluster string `json:"cluster,omitempty"`
	// CMSUserID is the Kaltura user ID.
	CMSUserID string `json:"cms_user_id,omitempty"`
	// Company is the company.
	Company string `json:"company,omitempty"`
	// CostCenter is the cost center.
	CostCenter string `json:"cost_center,omitempty"`
	// CreatedAt is deprecated by Zoom (for pending users it is the time of
	// the call); use UserCreatedAt.
	CreatedAt string `json:"created_at,omitempty"`
	// CustomAttributes are the custom attributes (in lists only with IncludeFields "custom_attributes").
	CustomAttributes []CustomAttribute `json:"custom_attributes,omitempty"`
	// Dept is the department.
	Dept string `json:"dept,omitempty"`
	// DisplayName is the display name.
	DisplayName string `json:"display_name,omitempty"`
	// DivisionIDs are the division IDs.
	DivisionIDs []string `json:"division_ids,omitempty"`
	// Email is the login e-mail.
	Email string `json:"email,omitempty"`
	// EmployeeUniqueID is the employee unique ID (SAML SSO users).
	EmployeeUniqueID string `json:"employee_unique_id,omitempty"`
	// FirstName is the first name.
	FirstName string `json:"first_name,omitempty"`
	// GroupIDs are the IDs of the user's groups.
	GroupIDs []string `json:"group_ids,omitempty"`
	// HostKey is the host key; returned by GET /users only with IncludeFields "host_key".
	HostKey string `json:"host_key,omitempty"`
	// IMGroupIDs are the IM directory group IDs.
	IMGroupIDs []string `json:"im_group_ids,omitempty"`
	// JID is the chat JID.
	JID string `json:"jid,omitempty"`
	// JobTitle is the job title.
	JobTitle string `json:"job_title,omitempty"`
	// Language is the web-portal language.
	Language string `json:"language,omitempty"`
	// LastClientVersion is the last client version used.
	LastClientVersion string `json:"last_client_version,omitempty"`
	// LastLoginTime is the last login time (three-day buffer).
	LastLoginTime string `json:"last_login_time,omitempty"`
	// LastName is the last name.
	LastName string `json:"last_name,omitempty"`
	// LicenseInfoList is the license list.
	LicenseInfoList []LicenseInfo `json:"license_info_list,omitempty"`
	// Location is the location.
	Location string `json:"location,omitempty"`
	// LoginTypes are the login methods (0 Facebook, 1 Google, 24 Apple, 27
	// Microsoft, 97 mobile, 98 RingCentral, 99 API user, 100 work e-mail,
	// 101 SSO; China: 11 phone, 21 WeChat, 23 Alipay).
	LoginTypes []int `json:"login_types,omitempty"`
	// Manager is the manager's e-mail.
	Manager string `json:"manager,omitempty"`
	// PersonalMeetingURL is the PMI join link.
	PersonalMeetingURL string `json:"personal_meeting_url,omitempty"`
	// PhoneCountry is deprecated; use PhoneNumbers.
	PhoneCountry string `json:"phone_country,omitempty"`
	// PhoneNumber is deprecated; use PhoneNumbers.
	PhoneNumber string `json:"phone_number,omitempty"`
	// PhoneNumbers are the phone numbers.
	PhoneNumbers []PhoneNumber `json:"phone_numbers,omitempty"`
	// PicURL is the profile picture URL.
	PicURL string `json:"pic_url,omitempty"`
	// PlanUnitedType is the Zoom United plan code ("1" … "131072").
	PlanUnitedType string `json:"plan_united_type,omitempty"`
	// PMI is the personal meeting ID (10 digits).
	PMI int64 `json:"pmi,omitempty"`
	// Pronouns are the pronouns.
	Pronouns string `json:"pronouns,omitempty"`
	// PronounsOption is 1 ask every time, 2 always show, 3 never show.
	PronounsOption int `json:"pronouns_option,omitempty"`
	// RoleID is the role ID.
	RoleID string `json:"role_id,omitempty"`
	// RoleName is the role name.
	RoleName string `json:"role_name,omitempty"`
	// Status is "pending", "active" or "inactive".
	Status string `json:"status,omitempty"`
	// Timezone is the IANA time zone.
	Timezone string `json:"timezone,omitempty"`
	// Type is 1 Basic, 2 Licensed, 4 Unassigned without Meetings Basic, 99 None.
	Type int `json:"type,omitempty"`
	// UsePMI is whether instant meetings use the PMI.
	UsePMI bool `json:"use_pmi,omitempty"`
	// UserCreatedAt is the user's creation time.
	UserCreatedAt string `json:"user_created_at,omitempty"`
	// VanityURL is the personal meeting room URL.
	VanityURL string `json:"vanity_url,omitempty"`
	// Verified is 1 when the e-mail is verified, 0 otherwise.
	Verified int `json:"verified,omitempty"`
	// ZoomOneType is the Zoom One / Workplace bundle code (a large power of two).
	ZoomOneType int64 `json:"zoom_one_type,omitempty"`
}

// CustomAttribute is a user's custom attribute.
type CustomAttribute struct {
	// Key is the attribute ID.
	Key string `json:"key,omitempty"`
	// Name is the attribute name.
	Name string `json:"name,omitempty"`
	// Value is the attribute value.
	Value string `json:"value,omitempty"`
}

// PhoneNumber is one of a user's phone numbers.
type PhoneNumber struct {
	// Code is the country calling code, e.g. "+1".
	Code string `json:"code,omitempty"`
	// Country is the country ID, e.g. "US".
	Country string `json:"country,omitempty"`
	// Label is "Mobile", "Office", "Home" or "Fax".
	Label string `json:"label,omitempty"`
	// Number is the number.
	Number string `json:"number,omitempty"`
	// Verified is set by Zoom in responses; never send it.
	Verified *bool `json:"verified,omitempty"`
}

// LicenseInfo is one entry of a user's license list.
type LicenseInfo struct {
	// LicenseOption is the license option code (a power of two).
	LicenseOption int64 `json:"license_option,omitempty"`
	// LicenseType is "MEETING" or "ZOOM_WORKPLACE_BUNDLE".
	LicenseType string `json:"license_type,omitempty"`
	// SubscriptionID is the subscription ID.
	SubscriptionID string `json:"subscription_id,omitempty"`
}

// CreateUserRequest is the body of POST /users.
type CreateUserRequest struct {
	// Action is "create", "autoCreate", "custCreate" or "ssoCreate" (see UserAction*).
	Action string `json:"action"`
	// UserInfo describes the new user.
	UserInfo CreateUserInfo `json:"user_info"`
}

// CreateUserInfo is the user_info of POST /users. Email and Type are
// required; empty optional fields are not sent.
type CreateUserInfo struct {
	// Email is the login e-mail (max 128).
	Email string `json:"email"`
	// Type is the user type (see UserType*).
	Type int `json:"type"`
	// FirstName is the first name (max 64).
	FirstName string `json:"first_name,omitempty"`
	// LastName is the last name (max 64).
	LastName string `json:"last_name,omitempty"`
	// DisplayName is the display name (max 128).
	DisplayName string `json:"display_name,omitempty"`
	// Password is the initial password, for autoCreate only (8–32 characters).
	Password string `json:"password,omitempty"`
	// PlanUnitedType is the Zoom United plan code ("1" … "131072").
	PlanUnitedType string `json:"plan_united_type,omitempty"`
	// Feature holds feature flags.
	Feature *CreateUserFeature `json:"feature,omitempty"`
	// DivisionIDs are division IDs.
	DivisionIDs []string `json:"division_ids,omitempty"`
	// LicenseInfoList is the license list (max 2).
	LicenseInfoList []LicenseInfo `json:"license_info_list,omitempty"`
}

// CreateUserFeature is user_info.feature of POST /users.
type CreateUserFeature struct {
	// ZoomOneType is the Zoom One / Workplace bundle code.
	ZoomOneType *int64 `json:"zoom_one_type,omitempty"`
	// ZoomPhone enables Zoom Phone.
	ZoomPhone *bool `json:"zoom_phone,omitempty"`
}

// UpdateUserRequest is the body of PATCH /users/{userId}. Only non-nil
// fields are sent; use Ptr. A slice pointer to an empty slice sends [].
// E-mail and status have their own endpoints (UpdateEmail, UpdateStatus).
type UpdateUserRequest struct {
	// AboutMe is the self-introduction (max 150, no links or HTML).
	AboutMe *string `json:"about_me,omitempty"`
	// CMSUserID is the Kaltura user ID.
	CMSUserID *string `json:"cms_user_id,omitempty"`
	// Company is the company (max 255).
	Company *string `json:"company,omitempty"`
	// CostCenter is the cost center.
	CostCenter *string `json:"cost_center,omitempty"`
	// CustomAttributes are the custom attributes (max 5).
	CustomAttributes *[]CustomAttribute `json:"custom_attributes,omitempty"`
	// Dept is the department.
	Dept *string `json:"dept,omitempty"`
	// DisplayName is the display name (max 128; empty lets Zoom derive it).
	DisplayName *string `json:"display_name,omitempty"`
	// DivisionIDs are division IDs.
	DivisionIDs *[]string `json:"division_ids,omitempty"`
	// Feature holds feature flags.
	Feature *UpdateUserFeature `json:"feature,omitempty"`
	// FirstName is the first name (max 64).
	FirstName *string `json:"first_name,omitempty"`
	// GroupID puts a pending user in a group.
	GroupID *string `json:"group_id,omitempty"`
	// HostKey is the host key (6–10 digits).
	HostKey *string `json:"host_key,omitempty"`
	// JobTitle is the job title (max 128).
	JobTitle *string `json:"job_title,omitempty"`
	// Language is the web-portal language.
	Language *string `json:"language,omitempty"`
	// LastName is the last name (max 64).
	LastName *string `json:"last_name,omitempty"`
	// LicenseInfoList is the license list (max 2).
	LicenseInfoList *[]LicenseInfo `json:"license_info_list,omitempty"`
	// LinkedInURL is the LinkedIn profile URL (must contain linkedin.com).
	LinkedInURL *string `json:"linkedin_url,omitempty"`
	// Location is the location (max 256).
	Location *string `json:"location,omitempty"`
	// Manager is the manager's e-mail.
	Manager *string `json:"manager,omitempty"`
	// PhoneCountry is deprecated; use PhoneNumbers.
	PhoneCountry *string `json:"phone_country,omitempty"`
	// PhoneNumber is deprecated; use PhoneNumbers.
	PhoneNumber *string `json:"phone_number,omitempty"`
	// PhoneNumbers are the phone numbers (max 3; Verified is ignored).
	PhoneNumbers *[]PhoneNumber `json:"phone_numbers,omitempty"`
	// PlanUnitedType is the Zoom United plan code ("1" … "131072", or "none").
	PlanUnitedType *string `json:"plan_united_type,omitempty"`
	// PMI is the personal meeting ID (1000000000–9999999999).
	PMI *int64 `json:"pmi,omitempty"`
	// Pronouns are the pronouns.
	Pronouns *string `json:"pronouns,omitempty"`
	// PronounsOption is 1 ask every time, 2 always show, 3 never show.
	PronounsOption *int `json:"pronouns_option,omitempty"`
	// Timezone is the IANA time zone.
	Timezone *string `json:"timezone,omitempty"`
	// Type is the user type (not together with PlanUnitedType or ZoomOneType).
	Type *int `json:"type,omitempty"`
	// UsePMI is whether instant meetings use the PMI.
	UsePMI *bool `json:"use_pmi,omitempty"`
	// VanityName is the personal meeting room name.
	VanityName *string `json:"vanity_name,omitempty"`
	// ZoomOneType is the Zoom One / Workplace bundle code (0 removes it).
	ZoomOneType *int64 `json:"zoom_one_type,omitempty"`
}

// UpdateUserFeature is feature of PATCH /users/{userId}.
type UpdateUserFeature struct {
	// ZoomPhone enables Zoom Phone.
	ZoomPhone *bool `json:"zoom_phone,omitempty"`
}

// DeleteUserOptions are the query parameters of DELETE /users/{userId};
// only those set are sent.
type DeleteUserOptions struct {
	// Action is "disassociate" (Zoom's default) or "delete" (see UserDeleteAction*).
	Action string
	// EncryptedEmail says the e-mail in the path is encrypted.
	EncryptedEmail *bool
	// TransferEmail is the user to transfer data to.
	TransferEmail string
	// TransferMeeting transfers upcoming meetings.
	TransferMeeting *bool
	// TransferWebinar transfers upcoming webinars.
	TransferWebinar *bool
	// TransferRecording transfers cloud recordings.
	TransferRecording *bool
	// TransferWhiteboard transfers whiteboards.
	TransferWhiteboard *bool
	// TransferClipfiles transfers clips.
	TransferClipfiles *bool
	// TransferNotes transfers notes.
	TransferNotes *bool
	// TransferVisitors transfers visitors.
	TransferVisitors *bool
	// TransferDocs transfers docs.
	TransferDocs *bool
}

// ListUsersOptions filter GET /users; empty fields are not sent.
type ListUsersOptions struct {
	// Status is "active" (Zoom's default), "inactive" or "pending".
	Status string
	// RoleID filters by role.
	RoleID string
	// IncludeFields is "custom_attributes" or "host_key".
	IncludeFields string
	// License is "zoom_workforce_management" or "zoom_compliance_management".
	License string
}

// maxUsersPageSize is GET /users' maximum page_size.
const maxUsersPageSize = 2000

func userPath(userIDOrEmail string) (string, error) {
	if strings.TrimSpace(userIDOrEmail) == "" {
		return "", errors.New("zoom client: user ID or e-mail must not be empty")
	}
	return pathf("users/%s", userIDOrEmail)
}

// Create creates a user.
//
// A POST is retried only on 429; on a 5xx, a timeout or a dropped
// connection IsMaybeProcessed(err) is true and the caller should look the
// user up by e-mail before trying again.
//
//meta:operation POST /users
func (s *UsersService) Create(ctx context.Context, req *CreateUserRequest) (*User, error) {
	if req == nil {
		return nil, errors.New("zoom client: create user: request must not be nil")
	}
	u := new(User)
	if _, err := s.client.post(ctx, "users", req, CategoryLight, u); err != nil {
		return nil, err
	}
	return u, nil
}

// Get returns a user by ID or e-mail address.
//
//meta:operation GET /users/{userId}
func (s *UsersService) Get(ctx context.Context, userIDOrEmail string) (*User, error) {
	p, err := userPath(userIDOrEmail)
	if err != nil {
		return nil, err
	}
	u := new(User)
	if _, err := s.client.get(ctx, p, nil, CategoryLight, u); err != nil {
		return nil, err
	}
	return u, nil
}

// Update changes the fields set in req (Zoom answers 204).
//
//meta:operation PATCH /users/{userId}
func (s *UsersService) Update(ctx context.Context, userID string, req *UpdateUserRequest) error {
	if req == nil {
		return errors.New("zoom client: update user: request must not be nil")
	}
	p, err := userPath(userID)
	if err != nil {
		return err
	}
	_, err = s.client.patch(ctx, p, nil, req, CategoryLight)
	return err
}

// UpdateEmail changes a user's login e-mail.
//
//meta:operation PUT /users/{userId}/email
func (s *UsersService) UpdateEmail(ctx context.Context, userID, email string) error {
	p, err := userPath(userID)
	if err != nil {
		return err
	}
	body := struct {
		Email string `json:"email"`
	}{email}
	_, err = s.client.put(ctx, p+"/email", body, CategoryLight, nil)
	return err
}

// UpdateStatus activates or deactivates a user (action "activate" or
// "deactivate", see UserStatusAction*).
//
//meta:operation PUT /users/{userId}/status
func (s *UsersService) UpdateStatus(ctx context.Context, userID, action string) error {
	p, err := userPath(userID)
	if err != nil {
		return err
	}
	body := struct {
		Action string `json:"action"`
	}{action}
	_, err = s.client.put(ctx, p+"/status", body, CategoryLight, nil)
	return err
}

// Delete deletes or disassociates a user; opts may be nil (Zoom then
// disassociates).
//
//meta:operation DELETE /users/{userId}
func (s *UsersService) Delete(ctx context.Context, userID string, opts *DeleteUserOptions) error {
	p, err := userPath(userID)
	if err != nil {
		return err
	}
	q := url.Values{}
	if opts != nil {
		setString(q, "action", opts.Action)
		setBool(q, "encrypted_email", opts.EncryptedEmail)
		setString(q, "transfer_email", opts.TransferEmail)
		setBool(q, "transfer_meeting", opts.TransferMeeting)
		setBool(q, "transfer_webinar", opts.TransferWebinar)
		setBool(q, "transfer_recording", opts.TransferRecording)
		setBool(q, "transfer_whiteboard", opts.TransferWhiteboard)
		setBool(q, "transfer_clipfiles", opts.TransferClipfiles)
		setBool(q, "transfer_notes", opts.TransferNotes)
		setBool(q, "transfer_visitors", opts.TransferVisitors)
		setBool(q, "transfer_docs", opts.TransferDocs)
	}
	_, err = s.client.del(ctx, p, q, CategoryLight)
	return err
}

// List returns every user matching opts (all pages, 2,000 per page). opts
// may be nil; Zoom then lists active users. Pending users have no ID.
//
//meta:operation GET /users
func (s *UsersService) List(ctx context.Context, opts *ListUsersOptions) ([]User, error) {
	q := url.Values{}
	if opts != nil {
		setString(q, "status", opts.Status)
		setString(q, "role_id", opts.RoleID)
		setString(q, "include_fields", opts.IncludeFields)
		setString(q, "license", opts.License)
	}
	return listAll[User](ctx, s.client, "users", q, CategoryMedium, "users", maxUsersPageSize)
}

// EmailExists reports whether an e-mail-login user with this address exists
// in the account (SSO and social-login users and other accounts' users
// report false).
//
//meta:operation GET /users/email
func (s *UsersService) EmailExists(ctx context.Context, email string) (bool, error) {
	if strings.TrimSpace(email) == "" {
		return false, errors.New("zoom client: e-mail must not be empty")
	}
	var out struct {
		ExistedEmail bool `json:"existed_email"`
	}
	if _, err := s.client.get(ctx, "users/email", url.Values{"email": {email}}, CategoryLight, &out); err != nil {
		return false, err
	}
	return out.ExistedEmail, nil
}

func setString(q url.Values, key, v string) {
	if v != "" {
		q.Set(key, v)
	}
}

func setBool(q url.Values, key string, v *bool) {
	if v != nil {
		q.Set(key, strconv.FormatBool(*v))
	}
}

// UserRef names a user by ID or e-mail (Zoom uses the ID when both are set).
type UserRef struct {
	ID    string `json:"id,omitempty"`
	Email string `json:"email,omitempty"`
}

// RefTo returns the reference for a user ID or an e-mail address.
func RefTo(idOrEmail string) UserRef {
	if strings.Contains(idOrEmail, "@") {
		return UserRef{Email: idOrEmail}
	}
	return UserRef{ID: idOrEmail}
}
