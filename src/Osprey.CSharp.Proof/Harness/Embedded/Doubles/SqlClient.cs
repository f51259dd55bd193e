// Test double for System.Data.SqlClient (not part of modern .NET): the types compile and run
// without a server. Commands execute nothing and return empty results.
using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;

namespace System.Data.SqlClient
{
    public sealed class SqlConnection : DbConnection
    {
        private string _database = "";
        private ConnectionState _state = ConnectionState.Closed;
        public SqlConnection() { }
        public SqlConnection(string connectionString) { ConnectionString = connectionString; }
        public override string ConnectionString { get; set; } = "";
        public override string Database => _database;
        public override string DataSource => "";
        public override string ServerVersion => "0";
        public override ConnectionState State => _state;
        public override void ChangeDatabase(string databaseName) { _database = databaseName; }
        public override void Close() { _state = ConnectionState.Closed; }
        public override void Open() { _state = ConnectionState.Open; }
        public new SqlCommand CreateCommand() => new SqlCommand(null, this);
        public new SqlTransaction BeginTransaction() => new SqlTransaction(this);
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new SqlTransaction(this);
        protected override DbCommand CreateDbCommand() => new SqlCommand(null, this);
    }

    public sealed class SqlTransaction : DbTransaction
    {
        private readonly SqlConnection _connection;
        internal SqlTransaction(SqlConnection connection) { _connection = connection; }
        public override IsolationLevel IsolationLevel => IsolationLevel.ReadCommitted;
        protected override DbConnection DbConnection => _connection;
        public override void Commit() { }
        public override void Rollback() { }
    }

    public sealed class SqlCommand : DbCommand
    {
        private readonly SqlParameterCollection _parameters = new SqlParameterCollection();
        public SqlCommand() { }
        public SqlCommand(string cmdText) { CommandText = cmdText; }
        public SqlCommand(string cmdText, SqlConnection connection) { CommandText = cmdText; Connection = connection; }
        public SqlCommand(string cmdText, SqlConnection connection, SqlTransaction transaction) : this(cmdText, connection) { }
        public override string CommandText { get; set; } = "";
        public override int CommandTimeout { get; set; }
        public override CommandType CommandType { get; set; }
        public override bool DesignTimeVisible { get; set; }
        public override UpdateRowSource UpdatedRowSource { get; set; }
        public new SqlConnection Connection { get; set; }
        public new SqlParameterCollection Parameters => _parameters;
        protected override DbConnection DbConnection { get => Connection; set => Connection = (SqlConnection)value; }
        protected override DbParameterCollection DbParameterCollection => _parameters;
        protected override DbTransaction DbTransaction { get; set; }
        public override void Cancel() { }
        public override int ExecuteNonQuery() => 0;
        public override object ExecuteScalar() => null;
        public new SqlDataReader ExecuteReader() => new SqlDataReader();
        public new SqlDataReader ExecuteReader(CommandBehavior behavior) => new SqlDataReader();
        public override void Prepare() { }
        protected override DbParameter CreateDbParameter() => new SqlParameter();
        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => new SqlDataReader();
    }

    public sealed class SqlParameter : DbParameter
    {
        public SqlParameter() { }
        public SqlParameter(string parameterName, object value) { ParameterName = parameterName; Value = value; }
        public SqlParameter(string parameterName, SqlDbType dbType) { ParameterName = parameterName; }
        public SqlParameter(string parameterName, SqlDbType dbType, int size) { ParameterName = parameterName; Size = size; }
        public override DbType DbType { get; set; }
        public SqlDbType SqlDbType { get; set; }
        public override ParameterDirection Direction { get; set; }
        public override bool IsNullable { get; set; }
        public override string ParameterName { get; set; } = "";
        public override int Size { get; set; }
        public override string SourceColumn { get; set; } = "";
        public override bool SourceColumnNullMapping { get; set; }
        public override object Value { get; set; }
        public override void ResetDbType() { }
    }

    public sealed class SqlParameterCollection : DbParameterCollection
    {
        private readonly List<SqlParameter> _items = new List<SqlParameter>();
        public override int Count => _items.Count;
        public override object SyncRoot => _items;
        public SqlParameter Add(SqlParameter value) { _items.Add(value); return value; }
        public SqlParameter Add(string parameterName, SqlDbType sqlDbType) => Add(new SqlParameter(parameterName, sqlDbType));
        public SqlParameter AddWithValue(string parameterName, object value) => Add(new SqlParameter(parameterName, value));
        public override int Add(object value) { _items.Add((SqlParameter)value); return _items.Count - 1; }
        public override void AddRange(Array values) { foreach (var v in values) Add(v); }
        public override void Clear() => _items.Clear();
        public override bool Contains(object value) => _items.Contains((SqlParameter)value);
        public override bool Contains(string value) => IndexOf(value) >= 0;
        public override void CopyTo(Array array, int index) => ((System.Collections.ICollection)_items).CopyTo(array, index);
        public override System.Collections.IEnumerator GetEnumerator() => _items.GetEnumerator();
        public override int IndexOf(object value) => _items.IndexOf((SqlParameter)value);
        public override int IndexOf(string parameterName) => _items.FindIndex(p => p.ParameterName == parameterName);
        public override void Insert(int index, object value) => _items.Insert(index, (SqlParameter)value);
        public override void Remove(object value) => _items.Remove((SqlParameter)value);
        public override void RemoveAt(int index) => _items.RemoveAt(index);
        public override void RemoveAt(string parameterName) => _items.RemoveAt(IndexOf(parameterName));
        protected override DbParameter GetParameter(int index) => _items[index];
        protected override DbParameter GetParameter(string parameterName) => _items[IndexOf(parameterName)];
        protected override void SetParameter(int index, DbParameter value) => _items[index] = (SqlParameter)value;
        protected override void SetParameter(string parameterName, DbParameter value) => _items[IndexOf(parameterName)] = (SqlParameter)value;
    }

    public sealed class SqlDataReader : DbDataReader
    {
        public override object this[int ordinal] => null;
        public override object this[string name] => null;
        public override int Depth => 0;
        public override int FieldCount => 0;
        public override bool HasRows => false;
        public override bool IsClosed => false;
        public override int RecordsAffected => 0;
        public override bool GetBoolean(int ordinal) => false;
        public override byte GetByte(int ordinal) => 0;
        public override long GetBytes(int ordinal, long dataOffset, byte[] buffer, int bufferOffset, int length) => 0;
        public override char GetChar(int ordinal) => '\0';
        public override long GetChars(int ordinal, long dataOffset, char[] buffer, int bufferOffset, int length) => 0;
        public override string GetDataTypeName(int ordinal) => "";
        public override DateTime GetDateTime(int ordinal) => default;
        public override decimal GetDecimal(int ordinal) => 0;
        public override double GetDouble(int ordinal) => 0;
        public override Type GetFieldType(int ordinal) => typeof(object);
        public override float GetFloat(int ordinal) => 0;
        public override Guid GetGuid(int ordinal) => Guid.Empty;
        public override short GetInt16(int ordinal) => 0;
        public override int GetInt32(int ordinal) => 0;
        public override long GetInt64(int ordinal) => 0;
        public override string GetName(int ordinal) => "";
        public override int GetOrdinal(string name) => 0;
        public override string GetString(int ordinal) => "";
        public override object GetValue(int ordinal) => null;
        public override int GetValues(object[] values) => 0;
        public override bool IsDBNull(int ordinal) => true;
        public override bool NextResult() => false;
        public override bool Read() => false;
        public override System.Collections.IEnumerator GetEnumerator() => new List<object>().GetEnumerator();
    }

    public sealed class SqlException : DbException
    {
        private SqlException(string message) : base(message) { }
    }
}
