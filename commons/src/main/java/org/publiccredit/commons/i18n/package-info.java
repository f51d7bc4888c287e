/**
 * The languages of the texts people read (zh-CN by default, English by {@code Accept-Language}) and the message
 * bundles they come from: {@code i18n/problems} in commons and {@code i18n/service-problems} in each service.
 */
package org.publiccredit.commons.i18n;
