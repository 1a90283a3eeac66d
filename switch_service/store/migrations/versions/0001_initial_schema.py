"""Initial schema: the whole domain, so later issues only add columns.

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 03:46:34.071692
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import switch_service.store.types

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('band_schedules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('peak_days', sa.String(length=20), nullable=False),
    sa.Column('peak_start', sa.Time(), nullable=False),
    sa.Column('peak_end', sa.Time(), nullable=False),
    sa.Column('weekend_days', sa.String(length=20), nullable=False),
    sa.Column('holidays', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_band_schedules')),
    sa.UniqueConstraint('name', name=op.f('uq_band_schedules_name'))
    )
    op.create_table('company_settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_company_settings'))
    )
    op.create_table('dial_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('description', sa.String(length=255), nullable=False),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dial_plans')),
    sa.UniqueConstraint('name', name=op.f('uq_dial_plans_name'))
    )
    op.create_table('nas_clients',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('secret_ciphertext', sa.LargeBinary(), nullable=False),
    sa.Column('require_message_authenticator', sa.Boolean(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nas_clients')),
    sa.UniqueConstraint('address', name=op.f('uq_nas_clients_address')),
    sa.UniqueConstraint('name', name=op.f('uq_nas_clients_name'))
    )
    op.create_table('packages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('period', sa.Enum('daily', 'weekly', 'monthly', name='period', native_enum=False, length=11), nullable=False),
    sa.Column('free_seconds', sa.Integer(), nullable=False),
    sa.Column('prefixes', sa.Text(), nullable=False),
    sa.Column('fee', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_packages')),
    sa.UniqueConstraint('name', name=op.f('uq_packages_name'))
    )
    op.create_table('tax_profiles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tax_profiles')),
    sa.UniqueConstraint('name', name=op.f('uq_tax_profiles_name'))
    )
    op.create_table('dial_plan_routes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dial_plan_id', sa.Integer(), nullable=False),
    sa.Column('prefix', sa.String(length=24), nullable=False),
    sa.Column('strategy', sa.Enum('lcr', 'priority', 'weighted', name='routestrategy', native_enum=False, length=12), nullable=False),
    sa.Column('blocked', sa.Boolean(), nullable=False),
    sa.Column('allow_loss', sa.Boolean(), nullable=False),
    sa.Column('min_margin_percent', switch_service.store.types.ExactDecimal(precision=9, scale=4), nullable=True),
    sa.Column('min_margin_amount', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=True),
    sa.ForeignKeyConstraint(['dial_plan_id'], ['dial_plans.id'], name=op.f('fk_dial_plan_routes_dial_plan_id_dial_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dial_plan_routes')),
    sa.UniqueConstraint('dial_plan_id', 'prefix', name=op.f('uq_dial_plan_routes_dial_plan_id_prefix'))
    )
    op.create_table('tariffs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.Enum('sell', 'buy', name='tariffkind', native_enum=False, length=8), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('band_schedule_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['band_schedule_id'], ['band_schedules.id'], name=op.f('fk_tariffs_band_schedule_id_band_schedules')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tariffs')),
    sa.UniqueConstraint('name', name=op.f('uq_tariffs_name'))
    )
    op.create_table('taxes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('profile_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('percent', switch_service.store.types.ExactDecimal(precision=9, scale=4), nullable=False),
    sa.Column('inclusive', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['profile_id'], ['tax_profiles.id'], name=op.f('fk_taxes_profile_id_tax_profiles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_taxes'))
    )
    with op.batch_alter_table('taxes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_taxes_profile_id'), ['profile_id'], unique=False)

    op.create_table('carriers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('buy_tariff_id', sa.Integer(), nullable=True),
    sa.Column('strip_digits', sa.Integer(), nullable=False),
    sa.Column('tech_prefix', sa.String(length=16), nullable=False),
    sa.Column('number_format', sa.String(length=10), nullable=False),
    sa.Column('codecs', sa.String(length=120), nullable=False),
    sa.Column('max_channels', sa.Integer(), nullable=False),
    sa.Column('cps_limit', sa.Integer(), nullable=False),
    sa.Column('daily_minutes_cap', sa.Integer(), nullable=True),
    sa.Column('monthly_minutes_cap', sa.Integer(), nullable=True),
    sa.Column('failover_codes', sa.String(length=120), nullable=False),
    sa.Column('down_until', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['buy_tariff_id'], ['tariffs.id'], name=op.f('fk_carriers_buy_tariff_id_tariffs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_carriers')),
    sa.UniqueConstraint('name', name=op.f('uq_carriers_name'))
    )
    op.create_table('rates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tariff_id', sa.Integer(), nullable=False),
    sa.Column('prefix', sa.String(length=24), nullable=False),
    sa.Column('destination', sa.String(length=120), nullable=False),
    sa.Column('price_per_minute', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('initial_block_s', sa.Integer(), nullable=False),
    sa.Column('increment_s', sa.Integer(), nullable=False),
    sa.Column('connect_fee', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('disconnect_fee', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('disconnect_threshold_s', sa.Integer(), nullable=False),
    sa.Column('disconnect_fee_percent', switch_service.store.types.ExactDecimal(precision=9, scale=4), nullable=False),
    sa.Column('min_duration_s', sa.Integer(), nullable=False),
    sa.Column('min_cost', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('grace_s', sa.Integer(), nullable=False),
    sa.Column('shrink_percent', switch_service.store.types.ExactDecimal(precision=9, scale=4), nullable=False),
    sa.Column('step1_after_s', sa.Integer(), nullable=True),
    sa.Column('step1_price', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=True),
    sa.Column('step2_after_s', sa.Integer(), nullable=True),
    sa.Column('step2_price', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=True),
    sa.Column('step3_after_s', sa.Integer(), nullable=True),
    sa.Column('step3_price', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=True),
    sa.Column('offpeak_price', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=True),
    sa.Column('weekend_price', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=True),
    sa.Column('holiday_price', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=True),
    sa.Column('valid_from', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('valid_until', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['tariff_id'], ['tariffs.id'], name=op.f('fk_rates_tariff_id_tariffs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rates')),
    sa.UniqueConstraint('tariff_id', 'prefix', 'valid_from', name=op.f('uq_rates_tariff_id_prefix_valid_from'))
    )
    with op.batch_alter_table('rates', schema=None) as batch_op:
        batch_op.create_index('ix_rates_prefix', ['prefix'], unique=False)

    op.create_table('resellers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('usage_based', 'payment_based', 'white_label', 'pinless', name='resellerkind', native_enum=False, length=17), nullable=False),
    sa.Column('status', sa.Enum('active', 'suspended', 'closed', name='status', native_enum=False, length=13), nullable=False),
    sa.Column('balance', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('credit_limit', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('tariff_id', sa.Integer(), nullable=True),
    sa.Column('dial_plan_id', sa.Integer(), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('brand_name', sa.String(length=120), nullable=True),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['dial_plan_id'], ['dial_plans.id'], name=op.f('fk_resellers_dial_plan_id_dial_plans')),
    sa.ForeignKeyConstraint(['parent_id'], ['resellers.id'], name=op.f('fk_resellers_parent_id_resellers')),
    sa.ForeignKeyConstraint(['tariff_id'], ['tariffs.id'], name=op.f('fk_resellers_tariff_id_tariffs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resellers')),
    sa.UniqueConstraint('name', name=op.f('uq_resellers_name'))
    )
    with op.batch_alter_table('resellers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resellers_parent_id'), ['parent_id'], unique=False)

    op.create_table('accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.Enum('prepaid', 'postpaid', name='accountkind', native_enum=False, length=12), nullable=False),
    sa.Column('status', sa.Enum('active', 'suspended', 'closed', name='status', native_enum=False, length=13), nullable=False),
    sa.Column('balance', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('overdraft', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('credit_limit', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('reserved', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('time_zone', sa.String(length=64), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('reseller_id', sa.Integer(), nullable=True),
    sa.Column('tariff_id', sa.Integer(), nullable=True),
    sa.Column('dial_plan_id', sa.Integer(), nullable=True),
    sa.Column('tax_profile_id', sa.Integer(), nullable=True),
    sa.Column('max_concurrent_calls', sa.Integer(), nullable=False),
    sa.Column('cps_limit', sa.Integer(), nullable=False),
    sa.Column('expires_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['dial_plan_id'], ['dial_plans.id'], name=op.f('fk_accounts_dial_plan_id_dial_plans')),
    sa.ForeignKeyConstraint(['reseller_id'], ['resellers.id'], name=op.f('fk_accounts_reseller_id_resellers')),
    sa.ForeignKeyConstraint(['tariff_id'], ['tariffs.id'], name=op.f('fk_accounts_tariff_id_tariffs')),
    sa.ForeignKeyConstraint(['tax_profile_id'], ['tax_profiles.id'], name=op.f('fk_accounts_tax_profile_id_tax_profiles')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
    sa.UniqueConstraint('number', name=op.f('uq_accounts_number'))
    )
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accounts_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_accounts_reseller_id'), ['reseller_id'], unique=False)

    op.create_table('card_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('face_value', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('distributor', sa.String(length=120), nullable=True),
    sa.Column('reseller_id', sa.Integer(), nullable=True),
    sa.Column('tariff_id', sa.Integer(), nullable=True),
    sa.Column('expires_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.Column('valid_days_after_first_use', sa.Integer(), nullable=True),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['reseller_id'], ['resellers.id'], name=op.f('fk_card_batches_reseller_id_resellers')),
    sa.ForeignKeyConstraint(['tariff_id'], ['tariffs.id'], name=op.f('fk_card_batches_tariff_id_tariffs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card_batches')),
    sa.UniqueConstraint('name', name=op.f('uq_card_batches_name'))
    )
    with op.batch_alter_table('card_batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_card_batches_reseller_id'), ['reseller_id'], unique=False)

    op.create_table('commission_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reseller_id', sa.Integer(), nullable=False),
    sa.Column('basis', sa.String(length=20), nullable=False),
    sa.Column('prefix', sa.String(length=20), nullable=False),
    sa.Column('percent', switch_service.store.types.ExactDecimal(precision=9, scale=4), nullable=True),
    sa.Column('amount', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=True),
    sa.ForeignKeyConstraint(['reseller_id'], ['resellers.id'], name=op.f('fk_commission_rules_reseller_id_resellers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commission_rules'))
    )
    with op.batch_alter_table('commission_rules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commission_rules_reseller_id'), ['reseller_id'], unique=False)

    op.create_table('gateways',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('carrier_id', sa.Integer(), nullable=False),
    sa.Column('host', sa.String(length=255), nullable=False),
    sa.Column('port', sa.Integer(), nullable=False),
    sa.Column('transport', sa.Enum('udp', 'tcp', 'tls', name='transport', native_enum=False, length=7), nullable=False),
    sa.Column('weight', sa.Integer(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('options_up', sa.Boolean(), nullable=True),
    sa.Column('options_checked_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['carrier_id'], ['carriers.id'], name=op.f('fk_gateways_carrier_id_carriers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gateways'))
    )
    with op.batch_alter_table('gateways', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gateways_carrier_id'), ['carrier_id'], unique=False)

    op.create_table('route_carriers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('route_id', sa.Integer(), nullable=False),
    sa.Column('carrier_id', sa.Integer(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('weight', sa.Integer(), nullable=False),
    sa.Column('pinned', sa.Boolean(), nullable=False),
    sa.Column('excluded', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['carrier_id'], ['carriers.id'], name=op.f('fk_route_carriers_carrier_id_carriers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['route_id'], ['dial_plan_routes.id'], name=op.f('fk_route_carriers_route_id_dial_plan_routes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_route_carriers')),
    sa.UniqueConstraint('route_id', 'carrier_id', name=op.f('uq_route_carriers_route_id_carrier_id'))
    )
    with op.batch_alter_table('route_carriers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_route_carriers_carrier_id'), ['carrier_id'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('role', sa.Enum('admin', 'support', 'reseller', name='role', native_enum=False, length=12), nullable=False),
    sa.Column('reseller_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('last_login_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['reseller_id'], ['resellers.id'], name=op.f('fk_users_reseller_id_resellers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_reseller_id'), ['reseller_id'], unique=False)

    op.create_table('account_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_account_notes_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_account_notes_author_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_notes'))
    )
    with op.batch_alter_table('account_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_notes_account_id'), ['account_id'], unique=False)

    op.create_table('account_packages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('period_start', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('used_seconds', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_account_packages_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['package_id'], ['packages.id'], name=op.f('fk_account_packages_package_id_packages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_packages')),
    sa.UniqueConstraint('account_id', 'package_id', 'period_start', name=op.f('uq_account_packages_account_id_package_id_period_start'))
    )
    op.create_table('anis',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('destination', sa.String(length=32), nullable=True),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_anis_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_anis')),
    sa.UniqueConstraint('number', name=op.f('uq_anis_number'))
    )
    with op.batch_alter_table('anis', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_anis_account_id'), ['account_id'], unique=False)

    op.create_table('api_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('expires_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_api_sessions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_sessions')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_sessions_token_hash'))
    )
    with op.batch_alter_table('api_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_sessions_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_api_sessions_user_id'), ['user_id'], unique=False)

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=True),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_log_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_user_id'), ['user_id'], unique=False)

    op.create_table('cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=32), nullable=False),
    sa.Column('pin_ciphertext', sa.LargeBinary(), nullable=False),
    sa.Column('pin_index', sa.String(length=64), nullable=False),
    sa.Column('face_value', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('status', sa.Enum('new', 'active', 'used', 'expired', 'blocked', name='cardstatus', native_enum=False, length=11), nullable=False),
    sa.Column('distributor', sa.String(length=120), nullable=True),
    sa.Column('activated_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.Column('expires_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_cards_account_id_accounts')),
    sa.ForeignKeyConstraint(['batch_id'], ['card_batches.id'], name=op.f('fk_cards_batch_id_card_batches')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cards')),
    sa.UniqueConstraint('account_id', name=op.f('uq_cards_account_id')),
    sa.UniqueConstraint('pin_index', name=op.f('uq_cards_pin_index')),
    sa.UniqueConstraint('serial', name=op.f('uq_cards_serial'))
    )
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cards_batch_id'), ['batch_id'], unique=False)

    op.create_table('cdrs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('call', 'attempt', name='cdrkind', native_enum=False, length=11), nullable=False),
    sa.Column('call_id', sa.String(length=128), nullable=False),
    sa.Column('attempt', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('reseller_id', sa.Integer(), nullable=True),
    sa.Column('carrier_id', sa.Integer(), nullable=True),
    sa.Column('gateway_id', sa.Integer(), nullable=True),
    sa.Column('caller', sa.String(length=64), nullable=False),
    sa.Column('destination', sa.String(length=64), nullable=False),
    sa.Column('did', sa.String(length=32), nullable=True),
    sa.Column('prefix', sa.String(length=24), nullable=True),
    sa.Column('destination_name', sa.String(length=120), nullable=True),
    sa.Column('started_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('answered_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.Column('ended_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.Column('duration_s', sa.Integer(), nullable=False),
    sa.Column('billed_s', sa.Integer(), nullable=False),
    sa.Column('free_s', sa.Integer(), nullable=False),
    sa.Column('sell_rate', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=True),
    sa.Column('buy_rate', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=True),
    sa.Column('price', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('cost', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('margin', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('result', sa.String(length=16), nullable=False),
    sa.Column('sip_code', sa.Integer(), nullable=True),
    sa.Column('q850_cause', sa.Integer(), nullable=True),
    sa.Column('disconnect_cause', sa.String(length=8), nullable=True),
    sa.Column('hangup_by', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_cdrs_account_id_accounts')),
    sa.ForeignKeyConstraint(['carrier_id'], ['carriers.id'], name=op.f('fk_cdrs_carrier_id_carriers')),
    sa.ForeignKeyConstraint(['gateway_id'], ['gateways.id'], name=op.f('fk_cdrs_gateway_id_gateways')),
    sa.ForeignKeyConstraint(['reseller_id'], ['resellers.id'], name=op.f('fk_cdrs_reseller_id_resellers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cdrs'))
    )
    with op.batch_alter_table('cdrs', schema=None) as batch_op:
        batch_op.create_index('ix_cdrs_account_started', ['account_id', 'started_at'], unique=False)
        batch_op.create_index('ix_cdrs_call_id', ['call_id'], unique=False)
        batch_op.create_index('ix_cdrs_carrier_started', ['carrier_id', 'started_at'], unique=False)
        batch_op.create_index('ix_cdrs_reseller_started', ['reseller_id', 'started_at'], unique=False)
        batch_op.create_index('ix_cdrs_started_at', ['started_at'], unique=False)

    op.create_table('customer_trunks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('auth', sa.Enum('ip', 'digest', name='trunkauth', native_enum=False, length=10), nullable=False),
    sa.Column('source_ip', sa.String(length=64), nullable=True),
    sa.Column('username', sa.String(length=64), nullable=True),
    sa.Column('password_ha1', sa.String(length=64), nullable=True),
    sa.Column('max_channels', sa.Integer(), nullable=False),
    sa.Column('cps_limit', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_customer_trunks_account_id_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_trunks')),
    sa.UniqueConstraint('name', name=op.f('uq_customer_trunks_name')),
    sa.UniqueConstraint('username', name=op.f('uq_customer_trunks_username'))
    )
    with op.batch_alter_table('customer_trunks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_trunks_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_trunks_source_ip'), ['source_ip'], unique=False)

    op.create_table('live_calls',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.String(length=128), nullable=False),
    sa.Column('conf_id', sa.String(length=64), nullable=True),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('carrier_id', sa.Integer(), nullable=True),
    sa.Column('caller', sa.String(length=64), nullable=False),
    sa.Column('destination', sa.String(length=64), nullable=False),
    sa.Column('did', sa.String(length=32), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('sell_rate', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=True),
    sa.Column('buy_rate', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=True),
    sa.Column('codec', sa.String(length=16), nullable=True),
    sa.Column('max_duration_s', sa.Integer(), nullable=True),
    sa.Column('started_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('answered_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.Column('last_seen_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_live_calls_account_id_accounts')),
    sa.ForeignKeyConstraint(['carrier_id'], ['carriers.id'], name=op.f('fk_live_calls_carrier_id_carriers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_live_calls')),
    sa.UniqueConstraint('call_id', name=op.f('uq_live_calls_call_id'))
    )
    with op.batch_alter_table('live_calls', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_live_calls_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_live_calls_conf_id'), ['conf_id'], unique=False)

    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('email_to', sa.String(length=200), nullable=True),
    sa.Column('sent_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.Column('read_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_notifications_account_id_accounts')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notifications_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notifications_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notifications_at'), ['at'], unique=False)

    op.create_table('payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('receipt_number', sa.String(length=32), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('reseller_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('topup', 'payment', 'refund', 'adjustment', 'voucher', 'fee', name='paymentkind', native_enum=False, length=14), nullable=False),
    sa.Column('amount', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('method', sa.String(length=32), nullable=False),
    sa.Column('reference', sa.String(length=120), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_payments_account_id_accounts')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_payments_created_by_users')),
    sa.ForeignKeyConstraint(['reseller_id'], ['resellers.id'], name=op.f('fk_payments_reseller_id_resellers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payments')),
    sa.UniqueConstraint('receipt_number', name=op.f('uq_payments_receipt_number'))
    )
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payments_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payments_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_payments_reseller_id'), ['reseller_id'], unique=False)

    op.create_table('recurring_fees',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('amount', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('period', sa.Enum('daily', 'weekly', 'monthly', name='period', native_enum=False, length=11), nullable=False),
    sa.Column('next_due_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_recurring_fees_account_id_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recurring_fees'))
    )
    with op.batch_alter_table('recurring_fees', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recurring_fees_account_id'), ['account_id'], unique=False)

    op.create_table('reservations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.String(length=128), nullable=False),
    sa.Column('amount', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('status', sa.Enum('open', 'settled', 'released', name='reservationstatus', native_enum=False, length=12), nullable=False),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('settled_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.Column('debited', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_reservations_account_id_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reservations')),
    sa.UniqueConstraint('call_id', name=op.f('uq_reservations_call_id'))
    )
    with op.batch_alter_table('reservations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reservations_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reservations_status'), ['status'], unique=False)

    op.create_table('speed_dials',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('slot', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('label', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_speed_dials_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_speed_dials')),
    sa.UniqueConstraint('account_id', 'slot', name=op.f('uq_speed_dials_account_id_slot'))
    )
    op.create_table('vouchers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code_ciphertext', sa.LargeBinary(), nullable=False),
    sa.Column('code_index', sa.String(length=64), nullable=False),
    sa.Column('value', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.Column('reseller_id', sa.Integer(), nullable=True),
    sa.Column('used_by_account_id', sa.Integer(), nullable=True),
    sa.Column('used_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.Column('expires_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['reseller_id'], ['resellers.id'], name=op.f('fk_vouchers_reseller_id_resellers')),
    sa.ForeignKeyConstraint(['used_by_account_id'], ['accounts.id'], name=op.f('fk_vouchers_used_by_account_id_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vouchers')),
    sa.UniqueConstraint('code_index', name=op.f('uq_vouchers_code_index'))
    )
    with op.batch_alter_table('vouchers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vouchers_reseller_id'), ['reseller_id'], unique=False)

    op.create_table('dids',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.Enum('forward', 'access_number', 'trunk', name='didkind', native_enum=False, length=17), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('forward_to', sa.String(length=32), nullable=True),
    sa.Column('trunk_id', sa.Integer(), nullable=True),
    sa.Column('dial_plan_id', sa.Integer(), nullable=True),
    sa.Column('welcome_prompt', sa.String(length=120), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('surcharge_per_minute', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('surcharge_per_call', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('monthly_fee', switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_dids_account_id_accounts')),
    sa.ForeignKeyConstraint(['dial_plan_id'], ['dial_plans.id'], name=op.f('fk_dids_dial_plan_id_dial_plans')),
    sa.ForeignKeyConstraint(['trunk_id'], ['customer_trunks.id'], name=op.f('fk_dids_trunk_id_customer_trunks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dids')),
    sa.UniqueConstraint('number', name=op.f('uq_dids_number'))
    )
    with op.batch_alter_table('dids', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dids_account_id'), ['account_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('dids', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dids_account_id'))

    op.drop_table('dids')
    with op.batch_alter_table('vouchers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vouchers_reseller_id'))

    op.drop_table('vouchers')
    op.drop_table('speed_dials')
    with op.batch_alter_table('reservations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reservations_status'))
        batch_op.drop_index(batch_op.f('ix_reservations_account_id'))

    op.drop_table('reservations')
    with op.batch_alter_table('recurring_fees', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recurring_fees_account_id'))

    op.drop_table('recurring_fees')
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payments_reseller_id'))
        batch_op.drop_index(batch_op.f('ix_payments_created_at'))
        batch_op.drop_index(batch_op.f('ix_payments_account_id'))

    op.drop_table('payments')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notifications_at'))
        batch_op.drop_index(batch_op.f('ix_notifications_account_id'))

    op.drop_table('notifications')
    with op.batch_alter_table('live_calls', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_live_calls_conf_id'))
        batch_op.drop_index(batch_op.f('ix_live_calls_account_id'))

    op.drop_table('live_calls')
    with op.batch_alter_table('customer_trunks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_trunks_source_ip'))
        batch_op.drop_index(batch_op.f('ix_customer_trunks_account_id'))

    op.drop_table('customer_trunks')
    with op.batch_alter_table('cdrs', schema=None) as batch_op:
        batch_op.drop_index('ix_cdrs_started_at')
        batch_op.drop_index('ix_cdrs_reseller_started')
        batch_op.drop_index('ix_cdrs_carrier_started')
        batch_op.drop_index('ix_cdrs_call_id')
        batch_op.drop_index('ix_cdrs_account_started')

    op.drop_table('cdrs')
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cards_batch_id'))

    op.drop_table('cards')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_user_id'))
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    with op.batch_alter_table('api_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_sessions_user_id'))
        batch_op.drop_index(batch_op.f('ix_api_sessions_expires_at'))

    op.drop_table('api_sessions')
    with op.batch_alter_table('anis', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_anis_account_id'))

    op.drop_table('anis')
    op.drop_table('account_packages')
    with op.batch_alter_table('account_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_account_notes_account_id'))

    op.drop_table('account_notes')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_reseller_id'))

    op.drop_table('users')
    with op.batch_alter_table('route_carriers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_route_carriers_carrier_id'))

    op.drop_table('route_carriers')
    with op.batch_alter_table('gateways', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gateways_carrier_id'))

    op.drop_table('gateways')
    with op.batch_alter_table('commission_rules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commission_rules_reseller_id'))

    op.drop_table('commission_rules')
    with op.batch_alter_table('card_batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_card_batches_reseller_id'))

    op.drop_table('card_batches')
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accounts_reseller_id'))
        batch_op.drop_index(batch_op.f('ix_accounts_name'))

    op.drop_table('accounts')
    with op.batch_alter_table('resellers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resellers_parent_id'))

    op.drop_table('resellers')
    with op.batch_alter_table('rates', schema=None) as batch_op:
        batch_op.drop_index('ix_rates_prefix')

    op.drop_table('rates')
    op.drop_table('carriers')
    with op.batch_alter_table('taxes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_taxes_profile_id'))

    op.drop_table('taxes')
    op.drop_table('tariffs')
    op.drop_table('dial_plan_routes')
    op.drop_table('tax_profiles')
    op.drop_table('packages')
    op.drop_table('nas_clients')
    op.drop_table('dial_plans')
    op.drop_table('company_settings')
    op.drop_table('band_schedules')
