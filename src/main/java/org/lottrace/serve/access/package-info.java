/**
 * Who may use the service, and how they prove it: users and roles from configuration
 * (passwords only as hashes), a first-run administrator, HTTP Basic for scripts, form
 * login for the page, CSRF protection, and 401/403 answers as problem details.
 */
@NullMarked
package org.lottrace.serve.access;

import org.jspecify.annotations.NullMarked;
