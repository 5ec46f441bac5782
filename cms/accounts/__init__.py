"""Staff logins: two-factor authentication, brute-force lockout, and the staff roles.

- `two_factor`: who must confirm a one-time code after their password, and the
  middleware that holds unconfirmed sessions at the door of the admin.
- `lockout`: django-axes' view of the client's address and its lockout page.
- `roles`: the groups (editors, translators, job coaches, office leads,
  administrators) and what each may do; created by migration 0001.
"""
