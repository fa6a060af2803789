/**
 * Reading device and experiment descriptions (YAML or JSON) with Jackson into immutable records
 * that validate every field in their constructors; failures name the file, field and value.
 */
package org.hwsim.core.config;
